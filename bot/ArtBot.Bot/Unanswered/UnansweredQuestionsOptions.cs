using System.ComponentModel.DataAnnotations;

namespace ArtBot.Bot.Unanswered;

public sealed class UnansweredQuestionsOptions
{
    public const string Section = "UnansweredQuestions";

    /// <summary>
    /// Where questions were appended before they went to the database (a JSON-lines file, relative to the content root
    /// unless absolute): if it is there at start-up, its questions are moved into the database and it is deleted.
    /// </summary>
    [Required]
    public string FilePath { get; set; } = "App_Data/unanswered-questions.jsonl";
}
