using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ArtBot.Bot.WebChat.DirectLine;

/// <summary>Direct Line speaks the Bot Framework's JSON (Newtonsoft, as the SDK's Activity class is annotated for).</summary>
public static class DirectLineJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
        MaxDepth = 32,
    };

    public static IResult Result(object value, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(JsonConvert.SerializeObject(value, Settings), "application/json", statusCode: statusCode);

    public static T? Clone<T>(T value) => JsonConvert.DeserializeObject<T>(JsonConvert.SerializeObject(value, Settings), Settings);
}
