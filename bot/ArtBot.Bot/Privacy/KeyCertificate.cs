using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ArtBot.Bot.Privacy;

/// <summary>
/// The certificate that encrypts Data Protection's keys where they are stored (the database) and from which the keyed
/// hashes of personal terms get their key: with a copy of the database alone, neither the tokens' keys nor a
/// patient's phone number can be recovered. In production it comes from the settings (<c>DataProtection:Certificate</c>,
/// a base64 PFX kept in Key Vault, the same for every instance); otherwise the bot makes one on first start, in a file
/// only its own user can read, next to the SQLite database.
/// </summary>
public sealed class KeyCertificate
{
    public const string Section = "DataProtection";
    public const string FileName = "data-protection.pfx";

    private KeyCertificate(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// A 32-byte secret for <paramref name="purpose"/>, the same on every instance holding this certificate: the hash of
    /// the private key's signature of the purpose. RSA's PKCS #1 v1.5 signature is deterministic, and no one without the
    /// private key can compute it.
    /// </summary>
    public byte[] SecretFor(string purpose)
    {
        using var rsa = Certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException("The Data Protection certificate has no RSA private key.");
        return SHA256.HashData(rsa.SignData(Encoding.UTF8.GetBytes("ArtBot\n" + purpose), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <param name="settings">The <c>DataProtection</c> section: <c>Certificate</c> (base64 PFX) and <c>CertificatePassword</c>.</param>
    /// <param name="folder">Where the bot's own certificate is kept when the settings name none.</param>
    public static KeyCertificate Load(IConfiguration settings, string folder)
    {
        if (settings["Certificate"] is { Length: > 0 } base64)
        {
            return new KeyCertificate(FromSetting(base64, settings["CertificatePassword"]));
        }
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            CreateForTheBotAlone(path);
        }
        return new KeyCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.EphemeralKeySet));
    }

    private static X509Certificate2 FromSetting(string base64, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64), password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            throw new InvalidOperationException("DataProtection:Certificate must be a base64 PFX (PKCS #12) with its private key, and DataProtection:CertificatePassword its password: " + exception.Message, exception);
        }
        return certificate.GetRSAPublicKey() is null || !certificate.HasPrivateKey
            ? throw new InvalidOperationException("DataProtection:Certificate must hold an RSA certificate with its private key.")
            : certificate;
    }

    /// <summary>A new self-signed RSA certificate with its private key, as a PFX without a password.</summary>
    public static byte[] NewSelfSignedPfx(int keySize = 3072)
    {
        using var rsa = RSA.Create(keySize);
        var request = new CertificateRequest("CN=ArtBot Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(100));
        return certificate.Export(X509ContentType.Pkcs12);
    }

    /// <summary>
    /// Writes a new self-signed certificate to <paramref name="path"/>, readable by the bot's user alone (0600, in a
    /// 0700 folder when the bot makes it). Written beside the path and moved into place, so two hosts starting together
    /// keep one certificate: the second move fails and that host reads the first one's file.
    /// </summary>
    private static void CreateForTheBotAlone(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        var pfx = NewSelfSignedPfx();
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var file = new FileStream(temporary, options))
        {
            file.Write(pfx);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
