using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>Messages, their content parts and tool calls, and the discriminators that tell their kinds apart.</summary>
internal ref partial struct RequestReader
{
    // Members of a message; a role accepts those in its mask.
    private const int MsgRole = 0;
    private const int MsgContent = 1;
    private const int MsgName = 2;
    private const int MsgRefusal = 3;
    private const int MsgAudio = 4;
    private const int MsgToolCalls = 5;
    private const int MsgFunctionCall = 6;
    private const int MsgToolCallId = 7;

    private const int NamedMask = (1 << MsgRole) | (1 << MsgContent) | (1 << MsgName);
    private const int AssistantMask = NamedMask | (1 << MsgRefusal) | (1 << MsgAudio) | (1 << MsgToolCalls) | (1 << MsgFunctionCall);
    private const int ToolMask = (1 << MsgRole) | (1 << MsgContent) | (1 << MsgToolCallId);

    // Members of a content part.
    private const int PartType = 0;
    private const int PartText = 1;
    private const int PartImageUrl = 2;
    private const int PartInputAudio = 3;
    private const int PartFile = 4;
    private const int PartRefusal = 5;
    private const int PartBreakpoint = 6;

    /// <summary>Where <see cref="FindDiscriminator"/> found the member that tells an object's kind.</summary>
    private enum Place
    {
        /// <summary>Not in the object.</summary>
        Missing,

        /// <summary>First: the reader has moved to its value.</summary>
        First,

        /// <summary>Further on: a copy of the reader is at its value; the reader has not moved.</summary>
        Later,
    }

    /// <summary>
    /// Finds the member named <paramref name="name"/> of the object whose start the reader is at. When it is the first
    /// member (the usual case) the reader moves to its value; otherwise a copy of the reader looks ahead for it, so the
    /// member may come anywhere, and <paramref name="value"/> is left at its value.
    /// </summary>
    private Place FindDiscriminator(ReadOnlySpan<byte> name, out Utf8JsonReader value)
    {
        var ahead = _r;
        ahead.Read();
        if (ahead.TokenType == JsonTokenType.PropertyName && ahead.ValueTextEquals(name))
        {
            ahead.Read();
            _r = ahead;
            value = default;
            return Place.First;
        }

        while (ahead.TokenType == JsonTokenType.PropertyName)
        {
            var found = ahead.ValueTextEquals(name);
            ahead.Read();
            if (found)
            {
                value = ahead;
                return Place.Later;
            }

            ahead.Skip();
            ahead.Read();
        }

        value = default;
        return Place.Missing;
    }

    /// <summary>The discriminator's value, unescaped.</summary>
    private ReadOnlySpan<byte> DiscriminatorText(ref Utf8JsonReader value, string member, string allowed)
    {
        if (value.TokenType != JsonTokenType.String)
        {
            throw Mismatch(ref value, Path() + "." + member, "a string, one of " + allowed);
        }

        return value.ValueIsEscaped ? Unescape(ref value) : value.ValueSpan;
    }

    /// <summary>An unknown discriminator value; the path is the object's, as System.Text.Json has always reported it.</summary>
    private JsonException UnknownKind(ref Utf8JsonReader value, string member, string allowed)
    {
        var path = Path();
        return new JsonException(Capitalized(Subject(path + "." + member)) + " must be one of " + allowed + ", but is " + Describe(ref value) + ".", path, null, null);
    }

    /// <summary>A missing discriminator.</summary>
    private JsonException NoKind(string member, string what, string allowed) =>
        Error("has no '" + member + "'; " + what + " needs one of " + allowed + ".");

    /// <summary>
    /// When reading an object whose kind a discriminator tells has failed with <paramref name="failure"/>: the error
    /// System.Text.Json reports first. It reads every member name of such an object in order before any other value,
    /// refusing a name that starts with '$', a second discriminator, and a discriminator that is neither a string nor
    /// an int; so such an error anywhere in the object (at <paramref name="start"/> in the body,
    /// <paramref name="level"/> frames deep) comes before any other. Null when there is none, and the failure stands.
    /// </summary>
    private JsonException? MetadataError(Exception failure, int start, int level, string member)
    {
        if (failure is not (JsonException or InvalidOperationException) || _body[start] != (byte)'{')
        {
            return null;
        }

        var path = Path(level);
        var scan = new Utf8JsonReader(_body.Slice(start), new JsonReaderOptions { MaxDepth = _maxDepth });
        try
        {
            scan.Read();
            var seen = false;
            while (scan.Read() && scan.TokenType == JsonTokenType.PropertyName)
            {
                var name = scan.GetString()!;
                var isDollar = name.Length > 0 && name[0] == '$';
                var isMember = name == member;
                scan.Read();
                if (isDollar || isMember)
                {
                    var at = new StringBuilder(path);
                    AppendMember(at, name);
                    var atPath = at.ToString();
                    if (isDollar)
                    {
                        return new JsonException(Subject(atPath) + " is not allowed: " + DollarRule, atPath, null, null);
                    }

                    if (seen)
                    {
                        return new JsonException(Subject(atPath) + " is given twice. " + TwiceRule, atPath, null, null);
                    }

                    if (scan.TokenType != JsonTokenType.String && !(scan.TokenType == JsonTokenType.Number && scan.TryGetInt32(out _)))
                    {
                        // An int could name a kind (the serializer allows int ids), so only it waits for the end.
                        return Mismatch(ref scan, atPath, "a string");
                    }

                    seen = true;
                }

                scan.Skip();
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The body breaks off, or holds bad text, further on: the failure stands.
        }

        return null;
    }

    // ---- Messages ----------------------------------------------------------------------------------------------

    /// <summary><c>messages</c>: an array of messages and nulls, or null.</summary>
    private List<ChatMessage>? MessageList(JsonModel owner)
    {
        if (!ArrayOrNull(owner, "messages"))
        {
            return null;
        }

        var list = new List<ChatMessage>();
        PushIndex();
        while (NextElement())
        {
            list.Add(Message()!);
            SetIndex(list.Count);
        }

        Pop();
        return list;
    }

    private const string Roles = "developer, system, user, assistant, tool, function";

    private ChatMessage? Message()
    {
        var start = (int)_r.TokenStartIndex;
        var level = _depth;
        try
        {
            return MessageObject();
        }
        catch (Exception ex) when (MetadataError(ex, start, level, "role") is { } first)
        {
            throw first;
        }
    }

    private ChatMessage? MessageObject()
    {
        if (_r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (_r.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("a message (an object with a 'role') or null");
        }

        ulong seen = 0;
        var place = FindDiscriminator("role"u8, out var value);
        if (place == Place.Missing)
        {
            throw NoKind("role", "a message", Roles);
        }

        var kind = place == Place.First ? DiscriminatorText(ref _r, "role", Roles) : DiscriminatorText(ref value, "role", Roles);
        ChatMessage message;
        int mask;
        switch (kind.Length)
        {
            case 4 when kind.SequenceEqual("user"u8):
                message = new UserMessage();
                mask = NamedMask;
                break;
            case 6 when kind.SequenceEqual("system"u8):
                message = new SystemMessage();
                mask = NamedMask;
                break;
            case 9 when kind.SequenceEqual("assistant"u8):
                message = new AssistantMessage();
                mask = AssistantMask;
                break;
            case 4 when kind.SequenceEqual("tool"u8):
                message = new ToolMessage();
                mask = ToolMask;
                break;
            case 9 when kind.SequenceEqual("developer"u8):
                message = new DeveloperMessage();
                mask = NamedMask;
                break;
            case 8 when kind.SequenceEqual("function"u8):
                message = new FunctionMessage();
                mask = NamedMask;
                break;
            default:
                throw place == Place.First ? UnknownKind(ref _r, "role", Roles) : UnknownKind(ref value, "role", Roles);
        }

        if (place == Place.First)
        {
            seen = 1UL << MsgRole;
        }

        while (NextMember())
        {
            var id = MessageMember(Name());
            if (id < 0 || (mask & (1 << id)) == 0)
            {
                AddExtra(message, polymorphic: true);
                continue;
            }

            PushMember();
            Next();
            switch (id)
            {
                case MsgRole:
                    // The value the look-ahead read.
                    break;
                case MsgContent:
                    message.Content = Content(message);
                    break;
                case MsgName:
                    if (message is NamedChatMessage named)
                    {
                        named.Name = String(named, "name");
                    }
                    else
                    {
                        var function = (FunctionMessage)message;
                        function.Name = String(function, "name");
                    }

                    break;
                case MsgToolCallId:
                    var tool = (ToolMessage)message;
                    tool.ToolCallId = String(tool, "tool_call_id");
                    break;
                default:
                    AssistantMember((AssistantMessage)message, id);
                    break;
            }

            Once(ref seen, id);
            Pop();
        }

        return message;
    }

    private static int MessageMember(ReadOnlySpan<byte> n)
    {
        switch (n.Length)
        {
            case 4:
                return n.SequenceEqual("role"u8) ? MsgRole : n.SequenceEqual("name"u8) ? MsgName : -1;
            case 5:
                return n.SequenceEqual("audio"u8) ? MsgAudio : -1;
            case 7:
                return n.SequenceEqual("content"u8) ? MsgContent : n.SequenceEqual("refusal"u8) ? MsgRefusal : -1;
            case 10:
                return n.SequenceEqual("tool_calls"u8) ? MsgToolCalls : -1;
            case 12:
                return n.SequenceEqual("tool_call_id"u8) ? MsgToolCallId : -1;
            case 13:
                return n.SequenceEqual("function_call"u8) ? MsgFunctionCall : -1;
            default:
                return -1;
        }
    }

    private void AssistantMember(AssistantMessage assistant, int id)
    {
        switch (id)
        {
            case MsgRefusal:
                assistant.Refusal = String(assistant, "refusal");
                break;
            case MsgAudio:
                assistant.Audio = ObjectOrNull(assistant, "audio") ? AssistantAudioValue() : null;
                break;
            case MsgToolCalls:
                if (ArrayOrNull(assistant, "tool_calls"))
                {
                    var calls = new List<ToolCall>();
                    PushIndex();
                    while (NextElement())
                    {
                        calls.Add(ToolCallValue()!);
                        SetIndex(calls.Count);
                    }

                    Pop();
                    assistant.ToolCalls = calls;
                }
                else
                {
                    assistant.ToolCalls = null;
                }

                break;
            default:
                assistant.FunctionCall = ObjectOrNull(assistant, "function_call") ? FunctionCallValue() : null;
                break;
        }
    }

    private AssistantAudio AssistantAudioValue()
    {
        var audio = new AssistantAudio();
        var seen = false;
        while (NextMember())
        {
            if (!Name().SequenceEqual("id"u8))
            {
                AddExtra(audio, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            audio.Id = String(audio, "id");
            if (seen)
            {
                throw Duplicate();
            }

            seen = true;
            Pop();
        }

        return audio;
    }

    /// <summary>A function name with arguments (<c>function_call</c> of an assistant message, or of a function tool call).</summary>
    private FunctionCall FunctionCallValue()
    {
        var call = new FunctionCall();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("name"u8) ? 0 : n.SequenceEqual("arguments"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(call, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                call.Name = String(call, "name");
            }
            else
            {
                call.Arguments = String(call, "arguments");
            }

            Once(ref seen, id);
            Pop();
        }

        return call;
    }

    // ---- Tool calls --------------------------------------------------------------------------------------------

    private const string ToolKinds = "function, custom";

    private ToolCall? ToolCallValue()
    {
        var start = (int)_r.TokenStartIndex;
        var level = _depth;
        try
        {
            return ToolCallObject();
        }
        catch (Exception ex) when (MetadataError(ex, start, level, "type") is { } first)
        {
            throw first;
        }
    }

    private ToolCall? ToolCallObject()
    {
        if (_r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (_r.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("a tool call (an object with a 'type') or null");
        }

        ulong seen = 0;
        var place = FindDiscriminator("type"u8, out var value);
        if (place == Place.Missing)
        {
            throw NoKind("type", "a tool call", ToolKinds);
        }

        var kind = place == Place.First ? DiscriminatorText(ref _r, "type", ToolKinds) : DiscriminatorText(ref value, "type", ToolKinds);
        ToolCall call;
        if (kind.SequenceEqual("function"u8))
        {
            call = new FunctionToolCall();
        }
        else if (kind.SequenceEqual("custom"u8))
        {
            call = new CustomToolCall();
        }
        else
        {
            throw place == Place.First ? UnknownKind(ref _r, "type", ToolKinds) : UnknownKind(ref value, "type", ToolKinds);
        }

        if (place == Place.First)
        {
            seen = 1;
        }

        var function = call as FunctionToolCall;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("type"u8) ? 0 : n.SequenceEqual("id"u8) ? 1
                : function is not null ? (n.SequenceEqual("function"u8) ? 2 : -1)
                : n.SequenceEqual("custom"u8) ? 2 : -1;
            if (id < 0)
            {
                AddExtra(call, polymorphic: true);
                continue;
            }

            PushMember();
            Next();
            if (id == 1)
            {
                call.Id = String(call, "id");
            }
            else if (id == 2)
            {
                if (function is not null)
                {
                    function.Function = ObjectOrNull(function, "function") ? FunctionCallValue() : null;
                }
                else
                {
                    var custom = (CustomToolCall)call;
                    custom.Custom = ObjectOrNull(custom, "custom") ? CustomCallInput() : null;
                }
            }

            Once(ref seen, id);
            Pop();
        }

        return call;
    }

    private CustomToolCallInput CustomCallInput()
    {
        var input = new CustomToolCallInput();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("name"u8) ? 0 : n.SequenceEqual("input"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(input, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                input.Name = String(input, "name");
            }
            else
            {
                input.Input = String(input, "input");
            }

            Once(ref seen, id);
            Pop();
        }

        return input;
    }

    // ---- Content -----------------------------------------------------------------------------------------------

    /// <summary>A message's (or a prediction's) <c>content</c>: text, an array of parts, or null.</summary>
    private MessageContent? Content(JsonModel owner)
    {
        switch (_r.TokenType)
        {
            case JsonTokenType.String:
                return new MessageContent(StringValue());
            case JsonTokenType.StartArray:
                var parts = new List<ContentPart>();
                PushIndex();
                while (NextElement())
                {
                    parts.Add(Part()!);
                    SetIndex(parts.Count);
                }

                Pop();
                return new MessageContent(parts, owned: true);
            case JsonTokenType.Null:
                owner.MarkExplicitNull("content");
                return null;
            default:
                throw Mismatch("a string, an array of content parts, or null");
        }
    }

    private const string PartKinds = "text, image_url, input_audio, file, refusal";

    private ContentPart? Part()
    {
        var start = (int)_r.TokenStartIndex;
        var level = _depth;
        try
        {
            return PartObject();
        }
        catch (Exception ex) when (MetadataError(ex, start, level, "type") is { } first)
        {
            throw first;
        }
    }

    private ContentPart? PartObject()
    {
        if (_r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (_r.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("a content part (an object with a 'type') or null");
        }

        ulong seen = 0;
        var place = FindDiscriminator("type"u8, out var value);
        if (place == Place.Missing)
        {
            throw NoKind("type", "a content part", PartKinds);
        }

        var kind = place == Place.First ? DiscriminatorText(ref _r, "type", PartKinds) : DiscriminatorText(ref value, "type", PartKinds);
        ContentPart part;
        int own;
        switch (kind.Length)
        {
            case 4 when kind.SequenceEqual("text"u8):
                part = new TextContentPart();
                own = PartText;
                break;
            case 9 when kind.SequenceEqual("image_url"u8):
                part = new ImageContentPart();
                own = PartImageUrl;
                break;
            case 11 when kind.SequenceEqual("input_audio"u8):
                part = new AudioContentPart();
                own = PartInputAudio;
                break;
            case 4 when kind.SequenceEqual("file"u8):
                part = new FileContentPart();
                own = PartFile;
                break;
            case 7 when kind.SequenceEqual("refusal"u8):
                part = new RefusalContentPart();
                own = PartRefusal;
                break;
            default:
                throw place == Place.First ? UnknownKind(ref _r, "type", PartKinds) : UnknownKind(ref value, "type", PartKinds);
        }

        if (place == Place.First)
        {
            seen = 1UL << PartType;
        }

        var mask = (1 << PartType) | (1 << own) | (own == PartRefusal ? 0 : 1 << PartBreakpoint);
        while (NextMember())
        {
            var id = PartMember(Name());
            if (id < 0 || (mask & (1 << id)) == 0)
            {
                AddExtra(part, polymorphic: true);
                continue;
            }

            PushMember();
            Next();
            switch (id)
            {
                case PartType:
                    break;
                case PartText:
                    var text = (TextContentPart)part;
                    text.Text = String(text, "text");
                    break;
                case PartImageUrl:
                    var image = (ImageContentPart)part;
                    image.ImageUrl = ObjectOrNull(image, "image_url") ? ImageUrlValue() : null;
                    break;
                case PartInputAudio:
                    var audio = (AudioContentPart)part;
                    audio.InputAudio = ObjectOrNull(audio, "input_audio") ? InputAudioValue() : null;
                    break;
                case PartFile:
                    var file = (FileContentPart)part;
                    file.File = ObjectOrNull(file, "file") ? FileValue() : null;
                    break;
                case PartRefusal:
                    var refusal = (RefusalContentPart)part;
                    refusal.Refusal = String(refusal, "refusal");
                    break;
                default:
                    var cacheable = (CacheableContentPart)part;
                    cacheable.PromptCacheBreakpoint = ObjectOrNull(cacheable, "prompt_cache_breakpoint") ? Breakpoint() : null;
                    break;
            }

            Once(ref seen, id);
            Pop();
        }

        return part;
    }

    private static int PartMember(ReadOnlySpan<byte> n)
    {
        switch (n.Length)
        {
            case 4:
                return n.SequenceEqual("type"u8) ? PartType : n.SequenceEqual("text"u8) ? PartText : n.SequenceEqual("file"u8) ? PartFile : -1;
            case 7:
                return n.SequenceEqual("refusal"u8) ? PartRefusal : -1;
            case 9:
                return n.SequenceEqual("image_url"u8) ? PartImageUrl : -1;
            case 11:
                return n.SequenceEqual("input_audio"u8) ? PartInputAudio : -1;
            case 23:
                return n.SequenceEqual("prompt_cache_breakpoint"u8) ? PartBreakpoint : -1;
            default:
                return -1;
        }
    }

    private ImageUrl ImageUrlValue()
    {
        var image = new ImageUrl();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("url"u8) ? 0 : n.SequenceEqual("detail"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(image, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                image.Url = String(image, "url");
            }
            else
            {
                image.Detail = String(image, "detail");
            }

            Once(ref seen, id);
            Pop();
        }

        return image;
    }

    private InputAudio InputAudioValue()
    {
        var audio = new InputAudio();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("data"u8) ? 0 : n.SequenceEqual("format"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(audio, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                audio.Data = String(audio, "data");
            }
            else
            {
                audio.Format = String(audio, "format");
            }

            Once(ref seen, id);
            Pop();
        }

        return audio;
    }

    private FileInput FileValue()
    {
        var file = new FileInput();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("filename"u8) ? 0 : n.SequenceEqual("file_data"u8) ? 1 : n.SequenceEqual("file_id"u8) ? 2 : -1;
            if (id < 0)
            {
                AddExtra(file, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            switch (id)
            {
                case 0:
                    file.Filename = String(file, "filename");
                    break;
                case 1:
                    file.FileData = String(file, "file_data");
                    break;
                default:
                    file.FileId = String(file, "file_id");
                    break;
            }

            Once(ref seen, id);
            Pop();
        }

        return file;
    }

    private PromptCacheBreakpoint Breakpoint() => ModeOnly<PromptCacheBreakpoint>(static (breakpoint, mode) => breakpoint.Mode = mode);
}
