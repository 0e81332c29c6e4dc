// Exercises every path that could need reflection: the fluent builder, both writers, the source-generated reader,
// polymorphic members, unions, unknown members and validation. Exits 1 on any mismatch.
using System;
using ChatRequest;

var built = Chat.With("gpt-4o")
    .System("You are terse.")
    .User(ContentPart.FromText("What is in this image?"), ContentPart.FromImageUrl("https://example.com/a.png", ImageDetail.Low))
    .Temperature(0.2)
    .Stop("\n", "END")
    .Tool("get_weather", "Get the weather", """{"type":"object","properties":{"city":{"type":"string"}}}""")
    .ForceFunction("get_weather")
    .Extra("top_k", 40)
    .Build();

var json = built.ToJson();
var parsed = CreateChatCompletionRequest.FromJson(json);
var invalid = CreateChatCompletionRequest.FromJson("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"temperature":3}""");

var ok = parsed.Equals(built)
    && parsed.ToJson() == json
    && parsed.Messages![1] is UserMessage { Content.Parts.Count: 2 }
    && invalid.Validate() is [{ RuleId: "CHAT101", Path: "temperature" }];

Console.WriteLine(json);
Console.WriteLine(ok ? "aot smoke: ok" : "aot smoke: FAILED");
return ok ? 0 : 1;
