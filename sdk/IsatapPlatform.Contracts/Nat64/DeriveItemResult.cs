using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsatapPlatform.Contracts.Nat64;

/// <summary>Why one item of a batch or stream was refused.</summary>
/// <param name="Code">The stable code, for example <c>address.invalid</c> or <c>nat64.wkp-non-global</c>.</param>
/// <param name="Message">What was wrong and where ("at position 8").</param>
public sealed record ItemError(string Code, string Message);

/// <summary>The result for one item of a batch or one line of a stream: <c>{"ipv4","ipv6"}</c> when it
/// was derived, <c>{"ipv4","error"}</c> when it was refused.</summary>
/// <param name="Ipv4">The item as sent (canonical when it parsed; a non-string JSON item is echoed as that JSON value).</param>
/// <param name="Ipv6">The derived address, RFC 5952 canonical; absent when the item was refused.</param>
/// <param name="Error">Why the item was refused; absent when it was derived.</param>
/// <param name="Warning">Present when policy is permissive and the result violates RFC 6052 §3.1.</param>
public sealed record DeriveItemResult(
    JsonElement? Ipv4,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Ipv6 = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ItemError? Error = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApiWarning? Warning = null);
