using ScottPlot;

namespace ArtBot.Bot.Staff;

/// <summary>The <c>stats</c> chart: messages per day as bars, bookings per day as a line on its own axis. Small enough for a Teams card.</summary>
public static class StatsChart
{
    public static byte[] Png(IReadOnlyList<DateOnly> days, IReadOnlyList<long> messages, IReadOnlyList<int> bookings)
    {
        var plot = new Plot();
        var positions = Enumerable.Range(0, days.Count).Select(index => (double)index).ToArray();
        var bars = plot.Add.Bars(positions, [.. messages.Select(count => (double)count)]);
        bars.Color = new Color(11, 110, 79);
        bars.LegendText = "Messages";
        var line = plot.Add.Scatter(positions, [.. bookings.Select(count => (double)count)]);
        line.Axes.YAxis = plot.Axes.Right;
        line.Color = new Color(230, 126, 34);
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = "Bookings";
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. days.Select(day => day.Day.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        plot.Axes.Bottom.Label.Text = $"{days[0]:d MMM} to {days[^1]:d MMM yyyy}";
        plot.Axes.Bottom.Label.AntiAliasText = false;
        plot.Axes.Left.Label.Text = "Messages (bars)";
        plot.Axes.Right.Label.Text = "Bookings (line)";
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsY(0, Math.Max(1, messages.DefaultIfEmpty(0).Max()) * 1.15, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(1, bookings.DefaultIfEmpty(0).Max()) * 1.15, plot.Axes.Right);
        plot.Legend.IsVisible = false;
        // Fewer colours, smaller PNG (see Posterized).
        plot.Axes.AntiAlias(false);
        line.LineStyle.AntiAlias = false;
        foreach (var label in new[] { plot.Axes.Left.Label, plot.Axes.Right.Label, plot.Axes.Bottom.TickLabelStyle, plot.Axes.Left.TickLabelStyle, plot.Axes.Right.TickLabelStyle})
        {
            label.AntiAliasText = false;
        }
        return Posterized(plot.GetImageBytes(440, 220, ImageFormat.Png));
    }

    /// <summary>
    /// The chart with its colours rounded to a few levels: Skia's anti-aliased PNG of a simple chart is some 20 KB,
    /// too much for a Teams message (about 28 KB in all); rounded, it compresses to a fraction of that and looks the same.
    /// </summary>
    private static byte[] Posterized(byte[] png)
    {
        using var bitmap = SkiaSharp.SKBitmap.Decode(png)!;
        var pixels = bitmap.Pixels;
        for (var index = 0; index < pixels.Length; index++)
        {
            var pixel = pixels[index];
            pixels[index] = new SkiaSharp.SKColor(Round(pixel.Red), Round(pixel.Green), Round(pixel.Blue), 255);
        }
        bitmap.Pixels = pixels;
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte Round(byte channel) => (byte)Math.Min(255, (channel + 32) / 64 * 64);
}
