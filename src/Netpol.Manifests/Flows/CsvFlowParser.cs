using System.Globalization;
using System.Net;
using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Manifests.Flows;

/// <summary>
/// Reads <c>src,dst,port,protocol[,count]</c> lines. Endpoints are written as for <c>netpol check</c>:
/// <c>NS/POD</c>, <c>NS/KIND/NAME</c> (deploy, sts, ds, rs, rc, job, cronjob and their aliases) or an IP address.
/// The first line may be a header (its first field is <c>src</c>, <c>source</c> or <c>from</c>). An empty protocol
/// means TCP, a missing count 1. Every bad field of a line is reported, at its column.
/// </summary>
internal sealed class CsvFlowParser
{
    private readonly Dictionary<string, FlowEndpoint> _endpoints = new(StringComparer.Ordinal);
    private bool _sawData;

    /// <summary>Reads one line (not blank, not a comment): a flow, or null for the header or after an error.</summary>
    public Flow? Parse(string line, string file, int lineNumber, List<Diagnostic> errors)
    {
        var fields = Split(line);
        var first = !_sawData;
        _sawData = true;
        if (first && fields[0].Text.ToLowerInvariant() is "src" or "source" or "from")
        {
            return null;
        }

        if (fields.Count is < 4 or > 5)
        {
            var column = fields.Count > 5 ? fields[5].Column : line.Length + 1;
            errors.Add(FlowDiagnostics.CsvFieldCount(file, lineNumber, column, fields.Count));
            return null;
        }

        var before = errors.Count;
        var source = Endpoint(fields[0], "src", file, lineNumber, errors);
        var destination = Endpoint(fields[1], "dst", file, lineNumber, errors);
        var (portText, portColumn) = fields[2];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            errors.Add(FlowDiagnostics.CsvPort(file, lineNumber, portColumn, portText));
        }

        var (protocolText, protocolColumn) = fields[3];
        Protocol? protocol = protocolText.ToUpperInvariant() switch
        {
            "" or "TCP" => Protocol.TCP,
            "UDP" => Protocol.UDP,
            "SCTP" => Protocol.SCTP,
            _ => null,
        };
        if (protocol is null)
        {
            errors.Add(FlowDiagnostics.CsvProtocol(file, lineNumber, protocolColumn, protocolText));
        }

        long count = 1;
        if (fields.Count == 5)
        {
            var (countText, countColumn) = fields[4];
            if (!long.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1)
            {
                errors.Add(FlowDiagnostics.CsvCount(file, lineNumber, countColumn, countText));
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        return new Flow(source!, destination!, port, protocol!.Value) { Count = count, File = file, Line = lineNumber };
    }

    private FlowEndpoint? Endpoint((string Text, int Column) field, string name, string file, int line, List<Diagnostic> errors)
    {
        var (text, column) = field;
        if (_endpoints.TryGetValue(text, out var known))
        {
            return known;
        }

        if (Decode(text) is { } endpoint)
        {
            _endpoints[text] = endpoint;
            return endpoint;
        }

        errors.Add(FlowDiagnostics.CsvEndpoint(file, line, column, name, text, Problem(text)));
        return null;
    }

    private static FlowEndpoint? Decode(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (!text.Contains('/', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(text, out var address) ? new FlowEndpoint { IP = address } : null;
        }

        var parts = text.Split('/');
        if (parts.Any(p => p.Length == 0))
        {
            return null;
        }

        if (parts.Length == 2)
        {
            return new FlowEndpoint { Namespace = parts[0], PodName = parts[1] };
        }

        if (parts.Length != 3)
        {
            return null;
        }

        if (parts[1].ToLowerInvariant() is "pod" or "pods" or "po")
        {
            return new FlowEndpoint { Namespace = parts[0], PodName = parts[2] };
        }

        return WorkloadKinds.Aliases.TryGetValue(parts[1], out var kind)
            ? new FlowEndpoint { Namespace = parts[0], Workload = $"{kind}/{parts[2]}" }
            : null;
    }

    private static string Problem(string text)
    {
        if (text.Length == 0)
        {
            return "empty: use NS/POD, NS/KIND/NAME or an IP address";
        }

        var parts = text.Split('/');
        if (parts.Length == 3 && parts[1].ToLowerInvariant() is "svc" or "service" or "services")
        {
            return "a Service is no flow endpoint: NetworkPolicy sees the pod behind it, so name the pod or its workload (NS/deploy/NAME)";
        }

        if (parts.Length == 3 && parts.All(p => p.Length > 0))
        {
            return $"unknown kind \"{parts[1]}\": use deploy, sts, ds, rs, rc, job, cronjob or pod";
        }

        return parts.Length == 1
            ? "not an IP address; a pod is written NS/POD"
            : "use NS/POD, NS/KIND/NAME (deploy, sts, ds, rs, rc, job, cronjob) or an IP address";
    }

    private static List<(string Text, int Column)> Split(string line)
    {
        var fields = new List<(string, int)>(5);
        var start = 0;
        while (true)
        {
            var comma = line.IndexOf(',', start);
            var end = comma < 0 ? line.Length : comma;
            var raw = line.AsSpan(start, end - start);
            var lead = raw.Length - raw.TrimStart().Length;
            fields.Add((raw.Trim().ToString(), start + lead + 1));
            if (comma < 0)
            {
                return fields;
            }

            start = comma + 1;
        }
    }
}
