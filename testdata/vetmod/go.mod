module example.com/vetmod

go 1.26

require example.com/platform v0.0.0

replace example.com/platform => ../platform
