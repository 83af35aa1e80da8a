using System.Security.Cryptography;
using System.Text;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Privacy;
using ArtBot.Bot.Storage;
using ArtBot.Bot.Tests.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace ArtBot.Bot.Tests.Privacy;

/// <summary>
/// A copy of the database alone opens nothing: Data Protection's keys are stored encrypted with the key certificate,
/// and the hashes of a person's name and phone kept with their conversation are keyed from it.
/// </summary>
public sealed class KeyProtectionTests
{
    [Fact]
    public void Data_Protection_keys_are_stored_encrypted_and_only_the_same_certificate_opens_what_they_sealed()
    {
        var folder = Directory.CreateTempSubdirectory("artbot-keys-").FullName;
        var settings = TestDatabase.SettingsFor(DatabaseProvider.Sqlite, folder);
        try
        {
            using var first = new TestDatabase(settings, folder);
            var sealedToken = first.Get<IDataProtectionProvider>().CreateProtector("tokens").Protect("a visitor's token");
            var stored = Assert.Single(new DatabaseDataProtectionKeys(first.Contexts).GetAllElements());
            Assert.Contains(stored.Descendants(), element => element.Name.LocalName == "encryptedSecret");
            Assert.DoesNotContain(stored.Descendants(), element => element.Name.LocalName == "value");

            // Another instance (or a restart) reads the key from the database and opens the token with the same certificate.
            using var another = new TestDatabase(settings, folder);
            Assert.Equal("a visitor's token", another.Get<IDataProtectionProvider>().CreateProtector("tokens").Unprotect(sealedToken));

            var otherCertificate = new Dictionary<string, string?>(settings) { ["DataProtection:Certificate"] = TestDatabase.NewKeyCertificate() };
            using var withAnotherCertificate = new TestDatabase(otherCertificate, folder);
            Assert.ThrowsAny<CryptographicException>(() => withAnotherCertificate.Get<IDataProtectionProvider>().CreateProtector("tokens").Unprotect(sealedToken));
        }
        finally
        {
            TestDatabase.Delete(settings, folder);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Without_a_certificate_in_the_settings_the_bot_makes_one_for_its_user_alone_and_hosts_starting_together_share_it()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("artbot-certificate-").FullName, "App_Data");
        try
        {
            var noSetting = new ConfigurationBuilder().Build();
            var thumbprints = new string[4];
            Parallel.For(0, thumbprints.Length, index => thumbprints[index] = KeyCertificate.Load(noSetting, folder).Certificate.Thumbprint);

            Assert.Single(thumbprints.Distinct());
            Assert.Equal([KeyCertificate.FileName], Directory.GetFiles(folder).Select(Path.GetFileName));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, KeyCertificate.FileName)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
            Assert.Equal(thumbprints[0], KeyCertificate.Load(noSetting, folder).Certificate.Thumbprint);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public void A_certificate_setting_that_is_not_a_PFX_with_its_key_stops_the_start_with_the_settings_name()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Certificate"] = "not a certificate" }).Build();

        var problem = Assert.Throws<InvalidOperationException>(() => KeyCertificate.Load(settings, Path.GetTempPath()));

        Assert.Contains("DataProtection:Certificate", problem.Message);
    }

    [Fact]
    public void A_phone_number_kept_as_a_personal_term_cannot_be_found_by_hashing_every_number()
    {
        var certificate = Certificate(TestDatabase.NewKeyCertificate());
        var hashes = new PersonalTerms(certificate).Of("Dana Smith", new ContactDetails("+14165550199", null)).ToList();

        foreach (var term in new[] { "4165550199", "14165550199", "dana", "smith" })
        {
            Assert.DoesNotContain(PlainHash("artbot-term\n" + term), hashes);
            Assert.DoesNotContain(PlainHash(term), hashes);
        }
        // Every instance with the clinic's certificate recognises the person's words; a copy of the state without it doesn't.
        Assert.True(new PersonalTerms(certificate).Mention("its dana again, 416 555 0199, did you get my request?", hashes));
        Assert.False(new PersonalTerms(Certificate(TestDatabase.NewKeyCertificate())).Mention("its dana again, 416 555 0199, did you get my request?", hashes));
    }

    private static KeyCertificate Certificate(string base64) =>
        KeyCertificate.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Certificate"] = base64 }).Build(), Path.GetTempPath());

    private static string PlainHash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
