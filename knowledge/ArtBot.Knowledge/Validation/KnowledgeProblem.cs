namespace ArtBot.Knowledge.Validation;

/// <summary>One thing wrong with the knowledge data: the file, the entry (or intent) and the field it is in.</summary>
public sealed record KnowledgeProblem(string File, string Entry, string Field, string Message)
{
    public override string ToString() => $"{File}: entry '{Entry}', field '{Field}': {Message}";
}
