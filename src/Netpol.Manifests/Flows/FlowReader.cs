using System.Text;
using Netpol.Core;
using Netpol.Core.Diagnostics;

namespace Netpol.Manifests.Flows;

/// <summary>
/// Streams flows out of flow logs, one file at a time and one line at a time, so that a log of millions of lines
/// never sits in memory. Each file's format is detected from its first line that is not blank or a <c>#</c> comment:
/// a line starting with <c>{</c> makes it a Hubble JSON export, anything else CSV. Replies, flows without a port and
/// lines that are no flow are counted in <see cref="Skipped"/>; bad lines become <see cref="Diagnostics"/> (the
/// first <see cref="MaxReportedErrors"/> of them, all counted) and the reading goes on, so that one run reports
/// every problem. Check <see cref="HasErrors"/> after enumerating.
/// </summary>
public sealed class FlowReader
{
    /// <summary>How many errors are kept for reporting; the rest are only counted.</summary>
    public const int MaxReportedErrors = 1000;

    private readonly Func<Stream>? _stdin;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HubbleFlowParser _hubble = new();
    private readonly List<Diagnostic> _lineErrors = [];
    private readonly Dictionary<string, FlowFormat> _formats = new(StringComparer.Ordinal);
    private long _replies;
    private long _nonL4;
    private long _notFlows;

    /// <summary>Creates a reader; <paramref name="stdin"/> is where <c>-</c> reads from (standard input by default).</summary>
    public FlowReader(Func<Stream>? stdin = null)
    {
        _stdin = stdin;
    }

    /// <summary>The errors found so far, in the order of the input (at most <see cref="MaxReportedErrors"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>How many errors were found, including those beyond <see cref="MaxReportedErrors"/>.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>True when some line could not be read: no analysis should be printed from the flows.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>What was passed over so far.</summary>
    public FlowSkips Skipped => new(_replies, _nonL4, _notFlows);

    /// <summary>The format of each file read so far, by the name used in messages.</summary>
    public IReadOnlyDictionary<string, FlowFormat> Formats => _formats;

    /// <summary>Reads every file in order (<c>-</c> is standard input).</summary>
    public IEnumerable<Flow> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            foreach (var flow in Read(path))
            {
                yield return flow;
            }
        }
    }

    /// <summary>Reads one file (<c>-</c> is standard input). A missing file throws a <see cref="NetpolException"/>.</summary>
    public IEnumerable<Flow> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path == "-"
            ? ReadStream(() => _stdin?.Invoke() ?? Console.OpenStandardInput(), "<stdin>")
            : ReadStream(() => Open(path), path);
    }

    /// <summary>Reads flows from a stream the caller owns, naming it <paramref name="fileName"/> in messages.</summary>
    public IEnumerable<Flow> Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return ReadLines(stream, fileName);
    }

    /// <summary>Reads flows from text (tests, examples).</summary>
    public IEnumerable<Flow> ReadText(string text, string fileName = "<flows>")
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName);
    }

    private static FileStream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new NetpolException($"--flows {path}: is a directory; give the flow log files (a Hubble JSON export or a CSV file)");
        }

        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new NetpolException($"--flows {path}: cannot read it: {ex.Message}", ex);
        }
    }

    private IEnumerable<Flow> ReadStream(Func<Stream> open, string fileName)
    {
        using var stream = open();
        foreach (var flow in ReadLines(stream, fileName))
        {
            yield return flow;
        }
    }

    private IEnumerable<Flow> ReadLines(Stream stream, string fileName)
    {
        var file = new FileState(new LineReader(stream), fileName);
        while (Next(file) is { } flow)
        {
            yield return flow;
        }
    }

    private Flow? Next(FileState file)
    {
        while (file.Lines.TryReadLine(out var line))
        {
            var trimmed = line.Trim(" \t"u8);
            if (trimmed.IsEmpty || trimmed[0] == (byte)'#')
            {
                continue;
            }

            if (file.Format is null)
            {
                file.Format = trimmed[0] == (byte)'{' ? FlowFormat.Hubble : FlowFormat.Csv;
                _formats[file.Name] = file.Format.Value;
            }

            var number = file.Lines.LineNumber;
            if (file.Format == FlowFormat.Csv)
            {
                file.Csv ??= new CsvFlowParser();
                var flow = file.Csv.Parse(Encoding.UTF8.GetString(line), file.Name, number, _lineErrors);
                foreach (var e in _lineErrors)
                {
                    AddError(e);
                }

                _lineErrors.Clear();
                if (flow is not null)
                {
                    return flow;
                }

                continue;
            }

            switch (_hubble.Parse(line, file.Name, number, out var parsed, out var error))
            {
                case HubbleLine.Flow:
                    return parsed;
                case HubbleLine.Reply:
                    _replies++;
                    break;
                case HubbleLine.NonL4:
                    _nonL4++;
                    break;
                case HubbleLine.NotFlow:
                    _notFlows++;
                    break;
                default:
                    AddError(error!);
                    break;
            }
        }

        return null;
    }

    private void AddError(Diagnostic d)
    {
        ErrorCount++;
        if (_diagnostics.Count < MaxReportedErrors)
        {
            _diagnostics.Add(d);
        }
    }

    private sealed class FileState(LineReader lines, string name)
    {
        public LineReader Lines { get; } = lines;

        public string Name { get; } = name;

        public FlowFormat? Format { get; set; }

        public CsvFlowParser? Csv { get; set; }
    }
}
