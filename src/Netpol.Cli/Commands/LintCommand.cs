using System.CommandLine;
using System.Net;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Lint;
using Netpol.Analysis.Naming;
using Netpol.Core.Diagnostics;
using Netpol.Manifests.Config;
using Netpol.Rendering.Json;
using Netpol.Rendering.Sarif;
using Netpol.Rendering.Text;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol lint</c>: the guide's common mistakes and risky policies, found semantically, each with a fix.
/// Exit 0 when no finding reaches <c>--fail-on</c> (default error), 1 when one does, 2 on bad input.
/// </summary>
internal static class LintCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var output = CommonOptions.Output("Output format.", "text", "text", "json", "sarif");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding is at least this severe (default: error).", HelpName = "error|warning|info" };
        failOn.AcceptOnlyFromAmong("error", "warning", "info");
        var config = new Option<string?>("--config") { Description = $"Configuration file (default: {NetpolConfig.DefaultFileName} in the working directory, if present).", HelpName = "FILE" };
        var dnsIPs = new Option<string[]>("--dns-ip") { Description = "Cluster DNS service address, used when the manifests contain no DNS pods (default 10.96.0.10); repeatable.", HelpName = "IP" };
        var podCidrs = new Option<string[]>("--pod-cidr") { Description = "The cluster's pod address range: ipBlocks overlapping it are reported; repeatable.", HelpName = "CIDR" };
        var disable = new Option<string[]>("--disable") { Description = "Switch a rule off (or 'all'); repeatable.", HelpName = "RULE" };
        var enable = new Option<string[]>("--enable") { Description = "Switch a rule on, even after --disable all; repeatable.", HelpName = "RULE" };
        var listRules = new Option<bool>("--list-rules") { Description = "List the rules with their default severity and exit." };
        var timings = new Option<bool>("--timings") { Description = "Print how long each rule took to stderr." };
        var namespaces = new Option<string[]>("--namespace", "-n") { Description = "Only findings about objects of this namespace; repeatable. The whole input is still analysed.", HelpName = "NS" };
        var cni = CommonOptions.Cni(all: false);
        var command = new Command("lint", "Find mistakes and risky policies: forgotten DNS, selectors that match nothing, broad CIDRs, unprotected pods...")
        {
            files, strict, output, failOn, config, dnsIPs, podCidrs, disable, enable, listRules, timings, namespaces, cni,
        };
        var cluster = ClusterOptions.AddTo(command, namespaces);
        command.SetAction(parse =>
        {
            if (parse.GetValue(listRules))
            {
                foreach (var rule in RuleCatalog.All)
                {
                    ctx.Out.WriteLine($"{rule.Id,-30} {LintTextRenderer.Word(rule.DefaultSeverity),-8} {rule.Summary}");
                }

                return ExitCodes.Ok;
            }

            // cni-dependent names the profiles a policy differs on: all of them, or only the one asked for.
            var profile = CniSelection.Parse(parse.GetValue(cni));
            var sources = parse.GetValue(files) ?? [];
            var settings = Settings(ctx, parse.GetValue(config), out var configErrors);
            var loaded = CommonOptions.Load(ctx, sources, parse.GetValue(strict), parse, cluster);
            if (loaded is null || configErrors > 0)
            {
                if (loaded is not null)
                {
                    ctx.Error.WriteLine($"{configErrors} error{(configErrors == 1 ? string.Empty : "s")} in the configuration: nothing was analysed");
                }

                return ExitCodes.BadInput;
            }

            var lintConfig = settings.Config with
            {
                Disable = settings.Config.Disable.Concat(Rules(parse.GetValue(disable), "--disable")).ToHashSet(StringComparer.Ordinal),
                Enable = settings.Config.Enable.Concat(Rules(parse.GetValue(enable), "--enable")).ToHashSet(StringComparer.Ordinal),
            };
            var options = new LintOptions
            {
                Config = lintConfig,
                DnsIPs = (parse.GetValue(dnsIPs) ?? []) is { Length: > 0 } ips ? [.. ips.Select(ParseIP)] : settings.DnsIPs,
                PodCidrs = (parse.GetValue(podCidrs) ?? []) is { Length: > 0 } cidrs ? [.. cidrs.Select(ParseCidr)] : settings.PodCidrs,
                CniProfiles = profile.All || profile.Profile.IsPortable ? Core.Profiles.CniProfiles.All : [profile.Profile],
                CniNamed = !profile.All && !profile.Profile.IsPortable,
            };
            var result = LintAnalysis.Run(loaded.Cluster, options);
            if (parse.GetValue(namespaces) is { Length: > 0 } only)
            {
                var keep = only.ToHashSet(StringComparer.Ordinal);
                result = result with { Findings = [.. result.Findings.Where(f => keep.Contains(f.Namespace))] };
            }

            if (parse.GetValue(timings))
            {
                foreach (var (rule, elapsed) in result.Timings)
                {
                    ctx.Error.WriteLine($"{rule,-30} {elapsed.TotalMilliseconds,10:F1} ms");
                }
            }

            switch (parse.GetValue(output))
            {
                case "json":
                    LintJsonRenderer.Write(result, ctx.Out);
                    break;
                case "sarif":
                    LintSarifRenderer.Write(result, ctx.Out, CliApp.Version, Directory.GetCurrentDirectory());
                    break;
                default:
                    LintTextRenderer.Write(result, ctx.Out, ctx.Color);
                    break;
            }

            var threshold = parse.GetValue(failOn) is { } f ? ParseSeverity(f)!.Value : settings.FailOn;
            return result.Reaches(threshold) ? ExitCodes.Negative : ExitCodes.Ok;
        });
        return command;
    }

    private sealed record LintSettings(LintConfig Config, Severity FailOn, IReadOnlyList<IPAddress> DnsIPs, IReadOnlyList<IPNetwork> PodCidrs);

    /// <summary>Reads and checks the configuration; prints its problems (FILE:LINE:COL) and counts the errors.</summary>
    private static LintSettings Settings(CliContext ctx, string? path, out int errors)
    {
        var defaults = new LintSettings(LintConfig.Default, Severity.Error, [LintOptions.DefaultDnsIP], []);
        errors = 0;
        path ??= File.Exists(NetpolConfig.DefaultFileName) ? NetpolConfig.DefaultFileName : null;
        if (path is null)
        {
            return defaults;
        }

        var file = NetpolConfigReader.Read(path);
        var problems = new List<Diagnostic>(file.Diagnostics);
        var lint = file.Lint;
        void Problem(ConfigValue v, string field, string message) =>
            problems.Add(new Diagnostic(Severity.Error, "config", v.Location, null, field, message));

        HashSet<string> RuleIds(IReadOnlyList<ConfigValue> values, string field, bool allowAll)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < values.Count; i++)
            {
                if ((allowAll && values[i].Value == "all") || RuleCatalog.Find(values[i].Value) is not null)
                {
                    set.Add(values[i].Value);
                }
                else
                {
                    Problem(values[i], $"lint.{field}[{i}]", UnknownRule(values[i].Value));
                }
            }

            return set;
        }

        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var (rule, level) in lint.Severity)
        {
            if (RuleCatalog.Find(rule.Value) is null)
            {
                Problem(rule, $"lint.severity.{rule.Value}", UnknownRule(rule.Value));
            }
            else if (ParseSeverity(level.Value) is { } s)
            {
                severities[rule.Value] = s;
            }
            else
            {
                Problem(level, $"lint.severity.{rule.Value}", $"Unsupported value: \"{level.Value}\": supported values: \"error\", \"warning\", \"info\"");
            }
        }

        var failOn = Severity.Error;
        if (lint.FailOn is { } fo)
        {
            if (ParseSeverity(fo.Value) is { } s)
            {
                failOn = s;
            }
            else
            {
                Problem(fo, "lint.failOn", $"Unsupported value: \"{fo.Value}\": supported values: \"error\", \"warning\", \"info\"");
            }
        }

        var dns = new List<IPAddress>();
        for (var i = 0; i < lint.DnsIPs.Count; i++)
        {
            if (IPAddress.TryParse(lint.DnsIPs[i].Value, out var ip) && !lint.DnsIPs[i].Value.Contains('/', StringComparison.Ordinal))
            {
                dns.Add(ip);
            }
            else
            {
                Problem(lint.DnsIPs[i], $"lint.dnsIPs[{i}]", $"must be an IP address, got \"{lint.DnsIPs[i].Value}\"");
            }
        }

        var pods = new List<IPNetwork>();
        for (var i = 0; i < lint.PodCidrs.Count; i++)
        {
            if (IPNetwork.TryParse(lint.PodCidrs[i].Value, out var net))
            {
                pods.Add(net);
            }
            else
            {
                Problem(lint.PodCidrs[i], $"lint.podCIDRs[{i}]", $"must be a CIDR such as 10.244.0.0/16, got \"{lint.PodCidrs[i].Value}\"");
            }
        }

        var config = new LintConfig
        {
            Disable = RuleIds(lint.Disable, "disable", allowAll: true),
            Enable = RuleIds(lint.Enable, "enable", allowAll: false),
            Severities = severities,
            ExcludedNamespaces = lint.ExcludeNamespaces is { } ex ? ex.Select(v => v.Value).ToHashSet(StringComparer.Ordinal) : LintConfig.Default.ExcludedNamespaces,
        };
        foreach (var p in problems)
        {
            ctx.Error.WriteLine(p.ToString());
        }

        errors = problems.Count(p => p.Severity == Severity.Error);
        return new LintSettings(config, failOn, dns.Count > 0 ? dns : defaults.DnsIPs, pods);
    }

    private static IEnumerable<string> Rules(string[]? ids, string option)
    {
        foreach (var id in ids ?? [])
        {
            foreach (var part in id.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part != "all" && RuleCatalog.Find(part) is null)
                {
                    throw new Core.NetpolException($"{option} {part}: {UnknownRule(part)}");
                }

                yield return part;
            }
        }
    }

    private static string UnknownRule(string id)
    {
        var closest = RuleCatalog.All.Select(r => r.Id).OrderBy(r => EditDistance.Between(r, id)).First();
        return $"unknown rule \"{id}\" (did you mean \"{closest}\"? 'netpol lint --list-rules' lists them)";
    }



    private static Severity? ParseSeverity(string text) => text switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "info" => Severity.Info,
        _ => null,
    };

    private static IPAddress ParseIP(string text) =>
        IPAddress.TryParse(text, out var ip) && !text.Contains('/', StringComparison.Ordinal)
            ? ip
            : throw new Core.NetpolException($"--dns-ip {text}: not an IP address");

    private static IPNetwork ParseCidr(string text) =>
        IPNetwork.TryParse(text, out var net) ? net : throw new Core.NetpolException($"--pod-cidr {text}: not a CIDR such as 10.244.0.0/16");
}
