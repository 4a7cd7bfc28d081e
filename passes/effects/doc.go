// Package effects defines an analysis pass that infers the side effects of
// every function of a package: SQL and ORM writes, document-store and
// key-value writes, message publishes, outbound mutating HTTP requests,
// payment SDK calls and mail sends. It does not report diagnostics.
//
// A function has the effects it performs directly and those of every
// function it calls statically: functions of other packages through
// [Fact]s, functions, method values and closures of the same package
// through a fixed point over the package. A call through an interface
// counts only when the method name starts with a mutating verb as a whole
// word: by default [config.DefaultMutatingVerbs] (Create, Insert, Update,
// Delete, Save, Put, Add, Remove, Set, Charge, Pay, Refund, Transfer,
// Capture, Send, Publish, Enqueue, Emit, Notify, Increment, Debit, Credit,
// Reserve, Place, Submit, Ship, Cancel, Provision); the mutating-verbs
// setting replaces that list. A call whose verb is Put, Set, Save, Delete
// or Remove is naturally idempotent. Interfaces of the standard library
// and of instrumentation packages (OpenTelemetry, Prometheus, zap, logrus,
// zerolog, logr, Datadog) do not count, nor, under modules, interfaces
// declared outside the analysed module.
//
// Each effect is naturally idempotent or not. SQL with ON CONFLICT, INSERT
// IGNORE, ON DUPLICATE KEY UPDATE, MERGE, REPLACE or UPSERT, UPDATE without
// arithmetic on the column it sets (an upsert's update neither), DELETE,
// Redis SET, HSET, SADD, ZADD, DEL and EXPIRE, MongoDB writes with upsert,
// updates that only set values ($set, $unset, $addToSet, $pull, ...) and
// deletes, gorm Update and Delete, a gorm Save of a literal that sets
// its primary key, PUT and DELETE requests, outbound RPCs whose name
// starts with Put, Set, Save, Delete, Remove, Clear or Empty, and an
// insert reached only where a lookup by the same key found nothing
// (get-or-create, guard.go) are naturally idempotent; an outbound RPC
// whose name reads as a read has no effect. Inserts, increments (n = n +
// 1, an $inc), list
// pushes, publishes, payments and mails are not.
// [Effects.NonIdempotent] describes the first effect that is not, in
// source order.
//
// The pass also tells whether the model sees everything a function does
// (visible.go, [Result.Visible]): every call it makes is known and it
// writes no memory that outlives it. A method shaped like logging, of an
// interface or of a concrete type, does not hide its callers.
// [Fact.Opaque] carries the answer to importers; a package of a
// dependency module is not walked and carries the [Unseen] package fact
// instead.
//
// //idem:mutates and //idem:readonly on a function override the inference
// for it. A dedup claim (//idem:dedup) and a consumer dedup wrapper
// (//idem:consumer) have no effects of their own: they are the protection.
//
// APIs are recognised by import path, type and method name, one table per
// family: sql.go (database/sql, pgx v5, sqlx, gorm, watermill-sql, and
// the Exec and Query methods of any other library's types shaped like
// database/sql's), kv.go (mongo-driver, go-redis), publish.go (kafka-go,
// sarama, confluent-kafka-go, SQS, SNS, nats.go, amqp091-go, Pub/Sub,
// watermill), http.go (net/http, net/smtp; the method of a request may be
// a field or parameter the package sets), rpc.go (gRPC-Go client calls,
// judged by the procedure's name) and payment.go (stripe-go,
// Checkout sessions included, Adyen; these also move money). The
// functions named in the financial.calls setting are payments too.
//
// A package whose imports reach none of these APIs, none of whose
// dependencies export effects, which calls no interface method with a
// mutating verb and whose configuration names no financial.calls has no
// effects: in a dependency module it costs next to nothing; in the
// analysed module it is walked for visibility only.
package effects
