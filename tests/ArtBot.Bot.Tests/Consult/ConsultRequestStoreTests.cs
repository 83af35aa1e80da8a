using ArtBot.Bot.Storage;
using ArtBot.Bot.Consult;
using ArtBot.Bot.Tests.Storage;

namespace ArtBot.Bot.Tests.Consult;

/// <summary>Consult requests on both stores: one row per booking, every field kept.</summary>
public sealed class ConsultRequestStoreTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Saving_the_same_booking_twice_keeps_one_request_and_one_reference(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var store = database.Get<IConsultRequestStore>();
        var request = Request(Guid.NewGuid(), "ART-2345");

        var first = await store.SaveAsync(request, CancellationToken.None);
        var second = await store.SaveAsync(request with { Reference = "ART-6789" }, CancellationToken.None);

        Assert.Equal(new SaveOutcome("ART-2345", IsNew: true), first);
        Assert.Equal(new SaveOutcome("ART-2345", IsNew: false), second);
        Assert.Single(await store.ListAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_saves_of_one_booking_store_it_once(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var store = database.Get<IConsultRequestStore>();
        var request = Request(Guid.NewGuid(), "ART-2345");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => store.SaveAsync(request, CancellationToken.None))));

        Assert.Single(results, result => result.IsNew);
        Assert.All(results, result => Assert.Equal("ART-2345", result.Reference));
        Assert.Single(await store.ListAsync(CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Draws_another_reference_when_the_proposed_one_is_taken(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var store = database.Get<IConsultRequestStore>();
        await store.SaveAsync(Request(Guid.NewGuid(), "ART-2345"), CancellationToken.None);

        var second = await store.SaveAsync(Request(Guid.NewGuid(), "ART-2345"), CancellationToken.None);

        Assert.NotEqual("ART-2345", second.Reference);
        Assert.Matches("^ART-[2-9A-HJ-NP-Z]{4}$", second.Reference);
        Assert.Equal(2, (await store.ListAsync(CancellationToken.None)).Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.BothProviders), MemberType = typeof(TestDatabase))]
    public async Task Keeps_every_field_of_the_request(DatabaseProvider provider)
    {
        using var database = new TestDatabase(provider);
        var store = database.Get<IConsultRequestStore>();
        var request = Request(Guid.NewGuid(), "ART-ABCD") with { Contact = ContactDetails.ByEmail("jo@example.ca"), Concern = null, Mode = ConsultMode.Online };

        await store.SaveAsync(request, CancellationToken.None);

        var stored = Assert.Single(await store.ListAsync(CancellationToken.None));
        Assert.Equal(request, stored.Request);
    }

    private static ConsultRequest Request(Guid bookingId, string reference) => new(
        bookingId, reference, "test", "Dana Smith", ContactDetails.ByPhone("+14165550199"), ConsultMode.PhoneCall, PreferredTime.Morning,
        "sore wrist", new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), ConsentWording.Version);
}
