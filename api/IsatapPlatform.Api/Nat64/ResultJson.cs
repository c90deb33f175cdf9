using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IsatapPlatform.Api.Nat64;

/// <summary>Writer options for the hand-written batch and stream responses, taken from the API's JSON
/// options so that they escape text exactly like every other response.</summary>
internal static class ResultJson
{
    public static JsonWriterOptions WriterOptions(HttpContext context, bool skipValidation)
    {
        var serializer = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return new JsonWriterOptions { Encoder = serializer.Encoder, SkipValidation = skipValidation };
    }
}
