using System.CommandLine;
using Netpol.Analysis.Audit;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Generate;
using Netpol.Core;
using Netpol.Core.Model;
using Netpol.Manifests.Flows;
using Netpol.Rendering.Yaml;

namespace Netpol.Cli.Commands;

/// <summary>
/// <c>netpol generate</c>: least-privilege NetworkPolicies that allow exactly the observed traffic, as YAML.
/// Exit 0, 2 on bad input.
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext ctx)
    {
        var files = CommonOptions.Files();
        var strict = CommonOptions.Strict();
        var flows = CommonOptions.Flows();
        var by = new Option<string>("--by") { Description = "One policy per workload and direction.", DefaultValueFactory = _ => "workload", HelpName = "workload" };
        by.AcceptOnlyFromAmong("workload");
        var prefix = new Option<int>("--cidr-prefix") { Description = "Aggregate external IPv4 addresses to this prefix length (default 32: one address each).", DefaultValueFactory = _ => 32, HelpName = "N" };
        var tests = new Option<string?>("--tests") { Description = "Also write the observed connections as a 'netpol test' spec to this file.", HelpName = "FILE" };
        var output = CommonOptions.Output("Output format.", "yaml", "yaml");
        var cni = CommonOptions.Cni(all: false);
        cni.Description = "Write the policies for this network plugin (aws-vpc: port numbers beside address peers). See docs/cni-profiles.md.";
        var command = new Command("generate", "Propose least-privilege NetworkPolicies from observed traffic: a default deny and DNS per namespace, then exactly what each workload was seen to need.")
        {
            files, strict, flows, by, prefix, tests, output, cni,
        };
        var clusterOptions = ClusterOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var profile = CniSelection.ParseOne(parse.GetValue(cni), "policies are generated for one network plugin at a time");

            var cidrPrefix = parse.GetValue(prefix);
            if (cidrPrefix is < 1 or > 32)
            {
                throw new NetpolException($"--cidr-prefix {cidrPrefix}: an IPv4 prefix length from 1 to 32");
            }

            var flowFiles = parse.GetValue(flows)!;
            var manifestFiles = parse.GetValue(files) ?? [];
            CommonOptions.StdinOnce(manifestFiles, flowFiles);
            var loaded = CommonOptions.Load(ctx, manifestFiles, parse.GetValue(strict), parse, clusterOptions);
            if (loaded is null)
            {
                return ExitCodes.BadInput;
            }

            var cluster = loaded.Cluster;
            var reader = new FlowReader(ctx.Stdin);
            var matcher = new FlowEndpointMatcher(cluster);
            // Fold the log into distinct tuples first, and match each distinct flow end once.
            var observed = ObservedFlows.Collect(reader.Read(flowFiles));
            var ends = new Dictionary<FlowEndpoint, Endpoint?>();
            Endpoint? End(FlowEndpoint e)
            {
                if (!ends.TryGetValue(e, out var endpoint))
                {
                    endpoint = Resolve(cluster, matcher.Match(e));
                    ends[e] = endpoint;
                }

                return endpoint;
            }

            var connections = new List<ObservedConnection>();
            var unknown = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var (src, dst, port, protocol, count, first, last) in observed.DistinctFlows())
            {
                var source = End(src);
                var destination = End(dst);
                if (source is null || destination is null)
                {
                    var name = source is null ? src.ToString() : dst.ToString();
                    unknown[name] = unknown.GetValueOrDefault(name) + count;
                    continue;
                }

                connections.Add(new ObservedConnection(source, destination, port, protocol) { Count = count, Time = first, LastTime = last });
            }

            if (CommonOptions.FlowErrors(ctx, reader, "generated"))
            {
                return ExitCodes.BadInput;
            }

            var result = GenerateAnalysis.Run(cluster, connections, new GenerateOptions { CidrPrefix = cidrPrefix, Cni = profile });
            if (unknown.Count > 0)
            {
                result = result with
                {
                    Notes = [.. result.Notes, .. unknown.Select(kv => $"{kv.Value} flow(s) with {kv.Key}, which matches nothing in the manifests, were left out")],
                };
            }

            GeneratedPolicyYamlRenderer.Write(result, ctx.Out);
            if (parse.GetValue(tests) is { } testFile)
            {
                if (result.Tests.Count == 0)
                {
                    ctx.Error.WriteLine($"netpol: no connection was observed, so {testFile} was not written");
                }
                else
                {
                    using var writer = new StreamWriter(testFile) { NewLine = "\n" };
                    GeneratedTestsYamlRenderer.Write(result, writer);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    // The matcher may hand back a workload's stand-in pod carrying the flow's address: policies are generated for
    // the pods of the manifests, so map it back to that pod.
    private static Endpoint? Resolve(Cluster cluster, EndpointMatch match)
    {
        if (match.Endpoint is not { } endpoint)
        {
            return null;
        }

        return endpoint.Pod is { } pod && cluster.FindPod(pod.FullName) is { } original ? Endpoint.ForPod(original) : endpoint;
    }
}
