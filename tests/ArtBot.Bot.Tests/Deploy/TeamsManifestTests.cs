using System.IO.Compression;
using System.Text.RegularExpressions;
using ArtBot.Bot.Staff;
using ArtBot.Bot.Tests.Hosting;
using ArtBot.Bot.Tests.Staff;
using ArtBot.TestSupport;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Tests.Deploy;

/// <summary>The Teams app package's manifest (deploy/teams/) is one Teams accepts, and lists only commands the bot understands.</summary>
public sealed class TeamsManifestTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "deploy", "teams");
    private static readonly JObject Manifest = JObject.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));

    [Fact]
    public void Has_the_fields_Teams_requires_within_their_limits()
    {
        Assert.True(Version.Parse((string)Manifest["manifestVersion"]!) >= new Version(1, 19));
        Assert.Contains("/v" + (string?)Manifest["manifestVersion"] + "/", (string?)Manifest["$schema"]);
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)Manifest["version"]);
        foreach (var field in new[] { "id", "developer.name", "developer.websiteUrl", "developer.privacyUrl", "developer.termsOfUseUrl", "name.short", "name.full", "description.short", "description.full", "icons.color", "icons.outline", "accentColor" })
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)Manifest.SelectToken(field)), $"manifest.json has no {field}");
        }
        Assert.InRange(((string)Manifest["name"]!["short"]!).Length, 1, 30);
        Assert.InRange(((string)Manifest["name"]!["full"]!).Length, 1, 100);
        Assert.InRange(((string)Manifest["description"]!["short"]!).Length, 1, 80);
        Assert.InRange(((string)Manifest["description"]!["full"]!).Length, 1, 4000);
        Assert.Matches("^#[0-9A-Fa-f]{6}$", (string?)Manifest["accentColor"]);
        var bot = (JObject)Assert.Single((JArray)Manifest["bots"]!);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.Values<string>());
        Assert.Equal((string?)Manifest["id"], (string?)bot["botId"]);
    }

    [Fact]
    public void Has_a_192_pixel_colour_icon_and_a_32_pixel_white_on_transparent_outline()
    {
        var (colourWidth, colourHeight, _) = Png.Read(Path.Combine(Folder, (string)Manifest["icons"]!["color"]!));
        var (outlineWidth, outlineHeight, pixels) = Png.Read(Path.Combine(Folder, (string)Manifest["icons"]!["outline"]!));

        Assert.Equal((192, 192), (colourWidth, colourHeight));
        Assert.Equal((32, 32), (outlineWidth, outlineHeight));
        Assert.All(pixels, pixel => Assert.True(pixel.A == 0 || (pixel.R, pixel.G, pixel.B) == (255, 255, 255), $"outline pixel {pixel} is neither transparent nor white"));
        Assert.Contains(pixels, pixel => pixel.A == 255);
    }

    [Fact]
    public void Lists_exactly_the_staff_commands_within_Teams_limits()
    {
        var commands = Manifest.SelectTokens("bots[*].commandLists[*].commands[*]").Cast<JObject>().ToList();

        Assert.InRange(commands.Count, 1, 10);
        Assert.All(commands, command => Assert.InRange(((string)command["title"]!).Length, 1, 32));
        Assert.All(commands, command => Assert.InRange(((string)command["description"]!).Length, 1, 128));
        Assert.Equal(StaffCommands.List.Select(command => command.Command).Order(), commands.Select(command => (string)command["title"]!).Order());
        Assert.Equal(StaffCommands.List.Select(command => command.Description).Order(), commands.Select(command => (string)command["description"]!).Order());
    }

    [Fact]
    public async Task Every_listed_command_is_understood_from_a_staff_channel()
    {
        await using var teams = new FakeTeamsConnector();
        using var app = new ArtBotApplication(StaffSetUp.Settings());
        var staff = new TeamsClient(app.CreateClient(), teams, "clinic-tenant");
        var titles = Manifest.SelectTokens("bots[*].commandLists[*].commands[*].title").Select(title => (string)title!).ToList();

        foreach (var title in titles)
        {
            await staff.SayAsync(title);
        }
        await teams.WaitUntilAsync(connector => connector.Sent.Count() >= titles.Count);

        Assert.All(teams.Sent, sent => Assert.Equal("staff", (string?)sent.Body["channelData"]!["artbot"]!["kind"]));
    }

    /// <summary>Reads an 8-bit RGBA PNG with unfiltered rows, as the icons are written.</summary>
    private static class Png
    {
        public static (int Width, int Height, List<(byte R, byte G, byte B, byte A)> Pixels) Read(string path)
        {
            var bytes = File.ReadAllBytes(path);
            var width = ReadInt(bytes, 16);
            var height = ReadInt(bytes, 20);
            using var data = new MemoryStream();
            for (var offset = 8; offset < bytes.Length;)
            {
                var length = ReadInt(bytes, offset);
                var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
                if (type == "IDAT")
                {
                    data.Write(bytes, offset + 8, length);
                }
                offset += length + 12;
            }
            data.Position = 0;
            using var inflated = new MemoryStream();
            using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
            {
                zlib.CopyTo(inflated);
            }
            var raw = inflated.ToArray();
            var pixels = new List<(byte, byte, byte, byte)>();
            for (var row = 0; row < height; row++)
            {
                var start = row * (width * 4 + 1);
                Assert.Equal(0, raw[start]);
                for (var column = 0; column < width; column++)
                {
                    var at = start + 1 + column * 4;
                    pixels.Add((raw[at], raw[at + 1], raw[at + 2], raw[at + 3]));
                }
            }
            return (width, height, pixels);
        }

        private static int ReadInt(byte[] bytes, int offset) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
    }
}
