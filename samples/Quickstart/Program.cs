// ChatRequest quickstart: build a validated Chat Completions request and print its JSON body.
using System;
using ChatRequest;

var request = Chat.With("gpt-4o")
    .System("You are a terse assistant.")
    .User("What is the capital of France?")
    .Temperature(0.2)
    .MaxCompletionTokens(256)
    .Stop("\n", "END")
    .Build();                              // throws ChatRequestValidationException listing every problem

Console.WriteLine(request.ToJson());

// The same rules, as data, for a body that arrives from elsewhere (e.g. a gateway):
var incoming = CreateChatCompletionRequest.FromJson("""{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],"temperature":3}""");
foreach (var problem in incoming.Validate())
{
    Console.Error.WriteLine(problem);      // CHAT101 error at temperature: temperature must be from 0 to 2, but is 3.
}
