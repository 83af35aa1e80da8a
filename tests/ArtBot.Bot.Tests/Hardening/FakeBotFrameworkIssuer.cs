using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace ArtBot.Bot.Tests.Hardening;

/// <summary>
/// Plays the Bot Framework's token service on loopback: OpenID metadata and a signing key, so the bot's real token
/// validation runs against tokens the test signs, valid or not. The SDK fetches metadata over HTTPS with its own static
/// HttpClient, so the loopback certificate is trusted for this user while the issuer runs, and removed afterwards.
/// </summary>
public sealed class FakeBotFrameworkIssuer : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "artbot-test-key";

    // One signing key and one loopback certificate for every issuer a test run starts: making a 2048-bit RSA key costs
    // about a tenth of a second of CPU, and each test of a class starts its own issuer.
    private static readonly RSA SigningKey = RSA.Create(2048);
    private static readonly Lazy<X509Certificate2> LoopbackCertificate = new(SelfSignedCertificate);

    private readonly WebApplication _server;
    private readonly X509Certificate2 _certificate;

    private FakeBotFrameworkIssuer(WebApplication server, X509Certificate2 certificate)
    {
        _server = server;
        _certificate = certificate;
    }

    public string BaseUrl => _server.Urls.Single();

    public string MetadataUrl => BaseUrl + "/openid";

    public static async Task<FakeBotFrameworkIssuer> StartAsync(params string[] endorsedChannels)
    {
        var certificate = LoopbackCertificate.Value;
        Trust(certificate, trusted: true);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var issuer = new FakeBotFrameworkIssuer(builder.Build(), certificate);
        issuer.MapEndpoints(endorsedChannels);
        await issuer._server.StartAsync();
        return issuer;
    }

    public string Token(string audience, string serviceUrl, DateTime? expires = null, RSA? signWith = null)
    {
        var handler = new JwtSecurityTokenHandler();
        var now = DateTime.UtcNow;
        var key = new RsaSecurityKey(signWith ?? SigningKey) { KeyId = KeyId };
        return handler.CreateEncodedJwt(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            NotBefore = (expires ?? now.AddHours(1)) < now ? now.AddHours(-2) : now.AddMinutes(-1),
            IssuedAt = (expires ?? now.AddHours(1)) < now ? now.AddHours(-2) : now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>The same claims with no signature at all ("alg": "none").</summary>
    public static string UnsignedToken(string audience, string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var payload = Base64UrlEncoder.Encode($$"""{"iss":"{{Issuer}}","aud":"{{audience}}","serviceurl":"{{serviceUrl}}","nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddHours(1).ToUnixTimeSeconds()}}}""");
        return $"{header}.{payload}.";
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Trust(_certificate, trusted: false);
    }

    private static void Trust(X509Certificate2 certificate, bool trusted)
    {
        using var roots = new X509Store(StoreName.Root, StoreLocation.CurrentUser);
        roots.Open(OpenFlags.ReadWrite);
        if (trusted)
        {
            roots.Add(X509CertificateLoader.LoadCertificate(certificate.RawData));
        }
        else
        {
            roots.Remove(X509CertificateLoader.LoadCertificate(certificate.RawData));
        }
    }

    private void MapEndpoints(string[] endorsedChannels)
    {
        var parameters = SigningKey.ExportParameters(includePrivateParameters: false);
        _server.MapGet("/openid", (HttpRequest request) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = $"{request.Scheme}://{request.Host}/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        _server.MapGet("/keys", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
                    ["endorsements"] = endorsedChannels,
                },
            },
        }));
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=ArtBot test token service", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
