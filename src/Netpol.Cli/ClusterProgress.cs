using System.Diagnostics;
using Netpol.LiveCluster.Reading;

namespace Netpol.Cli;

/// <summary>
/// Shows a cluster read on standard error: a bar redrawn in place on a terminal, or one plain line per finished list
/// when standard error is a file or a pipe.
/// </summary>
internal sealed class ClusterProgress
{
    private const int Width = 24;
    private readonly TextWriter _error;
    private readonly bool _terminal;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan? _lastDraw;
    private bool _drawn;

    public ClusterProgress(TextWriter error, bool terminal)
    {
        _error = error;
        _terminal = terminal;
    }

    /// <summary>Called by the reader (under its lock) as pages and lists complete.</summary>
    public void Report(ReadProgress progress)
    {
        if (!_terminal)
        {
            if (progress.Finished is not null)
            {
                _error.WriteLine($"netpol: read {progress.Finished} ({progress.ListsDone}/{progress.ListsTotal} lists)");
            }

            return;
        }

        var now = _clock.Elapsed;
        if (progress.ListsDone < progress.ListsTotal && _lastDraw is { } last && now - last < TimeSpan.FromMilliseconds(80))
        {
            return;
        }

        _lastDraw = now;
        var filled = progress.ListsTotal == 0 ? 0 : Width * progress.ListsDone / progress.ListsTotal;
        _error.Write($"\rreading cluster [{new string('#', filled)}{new string('.', Width - filled)}] {progress.ListsDone}/{progress.ListsTotal} lists, {progress.Objects} objects ");
        _error.Flush();
        _drawn = true;
    }

    /// <summary>Clears the bar (a terminal keeps no trace of it) and, when not a terminal, prints the total.</summary>
    public void Done(string context, int? objects)
    {
        if (_terminal)
        {
            if (_drawn)
            {
                _error.Write("\r" + new string(' ', Width + 60) + "\r");
                _error.Flush();
            }

            return;
        }

        if (objects is null)
        {
            return; // the error says what happened
        }

        _error.WriteLine($"netpol: read {objects} objects from context \"{context}\" in {_clock.Elapsed.TotalSeconds:0.0}s");
    }
}
