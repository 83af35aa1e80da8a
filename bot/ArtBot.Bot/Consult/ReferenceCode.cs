using System.Security.Cryptography;

namespace ArtBot.Bot.Consult;

/// <summary>Short references people can read out on the phone: "ART-7Q2K", without 0/O or 1/I.</summary>
public static class ReferenceCode
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => "ART-" + RandomNumberGenerator.GetString(Alphabet, 4);
}
