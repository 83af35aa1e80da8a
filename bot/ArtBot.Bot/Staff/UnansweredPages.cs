using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ArtBot.Bot.Staff;

/// <summary>
/// The <c>unanswered</c> card split into pages that each fit one Teams message (28 KB with the message around it):
/// as many groups as fit, most asked first, and always at least one. The split depends only on the groups, so
/// <c>unanswered 2</c> finds the same second page the first page's "More" button promised.
/// </summary>
public static class UnansweredPages
{
    /// <summary>Room for a page's card elements, leaving Teams' 28 KB limit room for the text, the More button and the envelope.</summary>
    public const int CardBudgetBytes = 22 * 1024;

    public sealed record Page(int Number, int First, int Count);

    /// <param name="groups">Each group's card elements, in order.</param>
    public static IReadOnlyList<Page> Split(IReadOnlyList<JArray> groups)
    {
        var pages = new List<Page>();
        var (first, bytes) = (0, 0);
        for (var index = 0; index < groups.Count; index++)
        {
            var size = Encoding.UTF8.GetByteCount(groups[index].ToString(Formatting.None));
            if (index > first && bytes + size > CardBudgetBytes)
            {
                pages.Add(new Page(pages.Count + 1, first, index - first));
                (first, bytes) = (index, 0);
            }
            bytes += size;
        }
        if (groups.Count > first)
        {
            pages.Add(new Page(pages.Count + 1, first, groups.Count - first));
        }
        return pages;
    }
}
