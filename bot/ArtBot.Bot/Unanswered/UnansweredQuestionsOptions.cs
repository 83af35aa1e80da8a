using System.ComponentModel.DataAnnotations;

namespace ArtBot.Bot.Unanswered;

public sealed class UnansweredQuestionsOptions
{
    public const string Section = "UnansweredQuestions";

    /// <summary>The JSON-lines file questions are appended to, relative to the app's content root unless absolute.</summary>
    [Required]
    public string FilePath { get; set; } = "App_Data/unanswered-questions.jsonl";
}
