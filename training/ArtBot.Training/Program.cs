using ArtBot.Knowledge.Validation;
using ArtBot.Training;

const string Usage = """
    Usage: dotnet run --project training/ArtBot.Training -- <command> [--data <folder>]
      train      cross-validate the trainers, train the best on utterances/train, evaluate on utterances/test,
                 and write intent-model.zip and intent-model.metrics.md into the data folder
      evaluate   re-score the committed model on utterances/test
      --data     the knowledge data folder (default: knowledge/ArtBot.Knowledge/Data of this repository)
    """;

var command = args.FirstOrDefault();
var dataIndex = Array.IndexOf(args, "--data");
var dataFolder = dataIndex >= 0 && dataIndex + 1 < args.Length ? args[dataIndex + 1] : null;
if (command is not ("train" or "evaluate") || (dataIndex >= 0 && dataFolder is null))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

try
{
    var training = new ModelTraining(DataFolder.Locate(dataFolder), Console.Out);
    if (command == "train")
    {
        training.Train(TrainerCandidate.All);
    }
    else
    {
        training.Evaluate();
    }
    return 0;
}
catch (Exception exception) when (exception is InvalidKnowledgeException or FileNotFoundException or DirectoryNotFoundException)
{
    Console.Error.WriteLine(exception.Message);
    return 1;
}
