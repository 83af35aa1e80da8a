using ArtBot.Knowledge.Intents;
using ArtBot.Knowledge.Languages;

namespace ArtBot.Knowledge.Tests.Languages;

public sealed class LanguageGateTests
{
    private static readonly Lazy<LanguageGate> Gate = new(() => LanguageGate.Load(KnowledgeFiles.Default));

    [Fact]
    public void Takes_none_of_the_English_training_and_held_out_utterances_for_another_language()
    {
        var utterances = UtteranceSet.Load(KnowledgeFiles.Default.TrainingUtterances).All
            .Concat(UtteranceSet.Load(KnowledgeFiles.Default.TestUtterances).All);

        var misread = utterances
            .Select(utterance => (utterance.Text, Language: Gate.Value.Recognise(utterance.Text)?.Code))
            .Where(result => result.Language is not null)
            .Select(result => $"{result.Language}: {result.Text}")
            .ToList();

        Assert.True(misread.Count == 0, string.Join("\n", misread));
    }

    [Theory]
    [InlineData("est-ce que ça fait mal pendant la séance", "fr")]
    [InlineData("merci", "fr")]
    [InlineData("necesito una cita para mi espalda por favor", "es")]
    [InlineData("Ich habe Schmerzen im Nacken seit einer Woche", "de")]
    [InlineData("quanto custa uma sessão de terapia", "pt")]
    [InlineData("quanto costa una seduta di terapia", "it")]
    public void Recognises_the_languages_it_has_a_reply_for(string message, string code)
    {
        Assert.Equal(code, Gate.Value.Recognise(message)?.Code);
    }

    [Theory]
    [InlineData("오늘 밤에 끝내려고요 더는 못 버티겠어요")]
    [InlineData("بنتي قرصتها نحلة ووجهها عم ينفخ")]
    [InlineData("у сина судоми вже довго, не проходять")]
    [InlineData("help, my grandma 摔倒了 头流血 叫不醒")]
    [InlineData("ਮੈਂ ਹੁਣ ਜੀਣਾ ਨਹੀਂ ਚਾਹੁੰਦੀ")]
    [InlineData("ART 治疗会痛吗")]
    public void Takes_a_message_mostly_in_another_script_for_one_it_cannot_read(string message)
    {
        Assert.Equal("und", Gate.Value.Recognise(message)?.Code);
    }

    [Theory]
    [InlineData("boli mnie plecy od tygodnia i nie wiem co robić", "pl")]
    [InlineData("hindi na humihinga si lolo, tulong po", "tl")]
    [InlineData("tôi không muốn sống nữa", "vi")]
    [InlineData("ik heb al een week pijn in mijn rug", "nl")]
    [InlineData("nina maumivu ya mgongo tangu wiki iliyopita", "sw")]
    [InlineData("annem düştü ve çok ağrısı var", "tr")]
    public void Takes_a_language_it_has_no_reply_written_in_for_one_it_cannot_read(string message, string code)
    {
        var language = Gate.Value.Recognise(message);

        Assert.Equal(code, language?.Code);
        Assert.Contains("could not read your message", language!.Reply);
    }

    [Theory]
    [InlineData("my name is 李明, can I book a consult for my shoulder?")]
    [InlineData("is ART ok after a massage in Москва last week")]
    [InlineData("Can ART help my back? 🙏🙏")]
    [InlineData("ça fait mal ? ¿duele?")]
    public void Reads_an_English_message_with_a_name_or_a_few_letters_of_another_script(string message)
    {
        Assert.NotEqual("und", Gate.Value.Recognise(message)?.Code);
    }

    [Fact]
    public void Reads_the_same_when_many_turns_ask_at_once()
    {
        string[] messages = ["est-ce que ça fait mal pendant la séance", "does ART hurt after the session", "necesito una cita para mi espalda por favor", "quanto costa una seduta di terapia"];
        var expected = messages.Select(message => Gate.Value.Recognise(message)?.Code).ToArray();

        var results = new string?[messages.Length * 50];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, index => results[index] = Gate.Value.Recognise(messages[index % messages.Length])?.Code);

        Assert.All(results.Select((code, index) => (code, index)), result => Assert.Equal(expected[result.index % messages.Length], result.code));
    }

    [Fact]
    public void Refuses_a_language_code_the_detector_does_not_know()
    {
        using var data = new TestSupport.KnowledgeDataCopy();
        File.WriteAllText(data.Files.Languages, """{ "note": "", "languages": [ { "code": "xx", "name": "Nowhere", "greetings": [], "reply": "…" } ] }""");

        var exception = Assert.Throws<ArtBot.Knowledge.Validation.InvalidKnowledgeException>(() => LanguageGate.Load(data.Files));

        Assert.Contains("xx", exception.Message);
        Assert.Contains("cannotRead", exception.Message);
    }
}
