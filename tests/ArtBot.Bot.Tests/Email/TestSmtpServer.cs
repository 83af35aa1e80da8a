using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ArtBot.Bot.Tests.Email;

/// <summary>
/// A real SMTP server on a free loopback port, in the test's process: the bot's mail goes over TCP through MailKit as
/// it would to the clinic's server, and each message is kept as it arrived. It can refuse mail, as a server that is down
/// for maintenance does, until told to accept it.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly Store _store = new();

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The messages that arrived, in order.</summary>
    public IReadOnlyList<MimeMessage> Received => [.. _store.Messages];

    /// <summary>Refuse every message, as a server that is down for maintenance, until <see cref="Accept"/>; counts the refusals.</summary>
    public void Refuse() => _store.Refusing = true;

    public void Accept() => _store.Refusing = false;

    public int Refused => _store.Refused;

    /// <summary>The bot's settings for this server: no TLS and no sign-in, as a relay on the clinic's own network.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Email:Host"] = "127.0.0.1",
        ["Email:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Security"] = "None",
        ["Email:From"] = "Integra Health Centre <bookings@clinic.example>",
    };

    /// <summary>Waits until <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_store.Messages.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{_store.Messages.Count} of {count} emails arrived.");
            await Task.Delay(20);
        }
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _server.Shutdown();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        private int _refused;

        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public volatile bool Refusing;

        public int Refused => _refused;

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Refusing)
            {
                Interlocked.Increment(ref _refused);
                return Task.FromResult(SmtpResponse.TransactionFailed);
            }
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(MimeMessage.Load(stream, cancellationToken));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
