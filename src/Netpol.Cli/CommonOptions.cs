using System.CommandLine;
using Netpol.Core;
using Netpol.Core.Diagnostics;
using Netpol.Core.Engine;
using Netpol.Core.Model;
using Netpol.Manifests.Loading;

namespace Netpol.Cli;

/// <summary>Options several commands share, and the load step they all start with.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Files() => new("--filename", "-f", "--file")
    {
        Description = "Manifests: a file, a directory (recursive .yaml/.yml/.json), '-' for stdin, or example:NAME. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.OneOrMore,
        Required = true,
        HelpName = "PATH",
    };

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Treat kinds netpol does not read as errors instead of notes.",
    };

    public static Option<string> Output(string description, string defaultValue, params string[] allowed)
    {
        var o = new Option<string>("--output", "-o")
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join("|", allowed),
        };
        o.AcceptOnlyFromAmong(allowed);
        return o;
    }

    /// <summary>
    /// Loads and validates; prints every diagnostic to stderr. Returns null (after printing) when any is an error:
    /// no analysis output may be printed from input that is partly invalid.
    /// </summary>
    public static LoadResult? Load(CliContext ctx, string[] files, bool strict)
    {
        var result = ManifestLoader.Load(files, new LoadOptions { Strict = strict, Stdin = ctx.Stdin });
        foreach (var d in result.Diagnostics.Where(d => d.Severity != Severity.Info || !d.Code.Equals("rules-ignored", StringComparison.Ordinal)))
        {
            ctx.Error.WriteLine(d.ToString());
        }

        if (result.HasErrors)
        {
            var n = result.ErrorCount;
            ctx.Error.WriteLine($"{n} error{(n == 1 ? string.Empty : "s")}: nothing was analysed");
            return null;
        }

        return result;
    }

    /// <summary>Reads <c>80</c>, <c>80/TCP</c>, <c>53/udp</c>.</summary>
    public static (int Port, Protocol? Protocol) ParsePort(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var number = slash < 0 ? text : text[..slash];
        Protocol? protocol = slash < 0 ? null : ParseProtocol(text[(slash + 1)..]);
        if (!int.TryParse(number, out var port) || port < 1 || port > 65535)
        {
            throw new NetpolException($"--port {text}: a port is a number from 1 to 65535, optionally with /TCP, /UDP or /SCTP");
        }

        return (port, protocol);
    }

    public static Protocol ParseProtocol(string text) => text.ToUpperInvariant() switch
    {
        "TCP" => Protocol.TCP,
        "UDP" => Protocol.UDP,
        "SCTP" => Protocol.SCTP,
        _ => throw new NetpolException($"unknown protocol \"{text}\": use TCP, UDP or SCTP"),
    };

    /// <summary>Every (port, protocol) to probe: ports with a protocol keep it; others take each --protocol (TCP by default).</summary>
    public static List<Probe> Probes(IEnumerable<string> ports, IReadOnlyList<Protocol> protocols)
    {
        var result = new List<Probe>();
        foreach (var text in ports.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var (port, protocol) = ParsePort(text);
            if (protocol is { } p)
            {
                result.Add(new Probe(port, p));
                continue;
            }

            foreach (var proto in protocols.Count == 0 ? [Protocol.TCP] : protocols)
            {
                result.Add(new Probe(port, proto));
            }
        }

        return result.Distinct().ToList();
    }
}
