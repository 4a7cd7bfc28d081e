module example.com/shop

go 1.26

require (
	github.com/go-chi/chi/v5 v5.2.3
	github.com/segmentio/kafka-go v0.4.51
)

require (
	github.com/klauspost/compress v1.15.9 // indirect
	github.com/pierrec/lz4/v4 v4.1.15 // indirect
)
