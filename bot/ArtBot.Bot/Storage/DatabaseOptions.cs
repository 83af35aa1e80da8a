using System.ComponentModel.DataAnnotations;

namespace ArtBot.Bot.Storage;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The SQLite file holding consult requests and bot state, relative to the content root unless absolute; created at start-up.</summary>
    [Required]
    public string SqlitePath { get; set; } = "App_Data/artbot.db";
}
