using Netpol.Analysis.Check;
using Netpol.Analysis.Cni;
using Netpol.Analysis.Endpoints;
using Netpol.Analysis.Naming;
using Netpol.Core;
using Netpol.Core.Diagnostics;
using Netpol.Core.Explain;
using Netpol.Core.Model;
using Netpol.Core.Profiles;
using Netpol.Manifests.Specs;

namespace Netpol.Analysis.Testing;

/// <summary>
/// Runs <c>netpol test</c>: resolves each test's endpoints to pods (or addresses) and its port per destination,
/// then explains every (source, destination) pair with the <see cref="Explainer"/>, the same reasoning
/// <c>netpol check</c> prints. A test whose endpoints or port cannot be resolved becomes a diagnostic at the field
/// that names them; the other tests still run.
/// </summary>
public static class TestAnalysis
{
    /// <summary>Runs the tests against the cluster.</summary>
    public static TestRun Run(Cluster cluster, IEnumerable<TestSpec> tests) => Run(cluster, tests, CniProfiles.Portable);

    /// <summary>Runs the tests against the cluster as a network plugin enforces it (<c>--cni</c>).</summary>
    public static TestRun Run(Cluster cluster, IEnumerable<TestSpec> tests, CniProfile profile)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(tests);
        ArgumentNullException.ThrowIfNull(profile);
        var resolver = new EndpointResolver(cluster);
        var explainer = new CniExplainer(cluster, profile);
        var results = new List<TestResult>();
        var diagnostics = new List<Diagnostic>();
        foreach (var test in tests)
        {
            var problems = new List<Diagnostic>();
            var sources = Sources(cluster, resolver, test, problems);
            var destinations = Destinations(cluster, resolver, test, problems);
            if (problems.Count > 0 || sources is null || destinations is null)
            {
                diagnostics.AddRange(problems);
                continue;
            }

            results.Add(new TestResult(test, Check(test, sources, destinations, explainer)));
        }

        return new TestRun(results, diagnostics);
    }

    /// <summary>
    /// Checks that endpoints exist (a pod, workload, Service with backing pods, or a selector that matches a pod),
    /// whatever the port: for the endpoints of tests that cannot run for another mistake.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckEndpoints(Cluster cluster, IEnumerable<TestEndpointField> endpoints)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(endpoints);
        var resolver = new EndpointResolver(cluster);
        var problems = new List<Diagnostic>();
        foreach (var (field, endpoint) in endpoints)
        {
            Pods(cluster, resolver, endpoint, field, problems);
        }

        return problems;
    }

    private static CheckResult Check(TestSpec test, IReadOnlyList<EndpointTarget> sources, IReadOnlyList<Probed> destinations, CniExplainer explainer)
    {
        var pairs = new List<(EndpointTarget From, Probed To)>();
        foreach (var d in destinations)
        {
            foreach (var s in sources)
            {
                pairs.Add((s, d));
            }
        }

        // A pod's traffic to itself is not subject to NetworkPolicy: when endpoints overlap (shop/{} to shop/{}),
        // the self pairs would make every deny test fail, so they only count when they are all there is.
        if (pairs.Count > 1 && pairs.Any(p => !IsSelf(p.From, p.To)))
        {
            pairs.RemoveAll(p => IsSelf(p.From, p.To));
        }

        var cases = pairs
            .Select(p => new CheckCase(p.From.Via, p.To.Target.Via, explainer.Explain(p.From.Endpoint, p.To.Target.Endpoint, p.To.Port, p.To.Protocol, p.To.Target.ServicePort)))
            .ToList();
        var ports = cases.Select(c => c.Explanation.Port).Distinct().ToList();
        return new CheckResult(test.From.ToString(), test.To.ToString(), ports.Count == 1 ? ports[0] : null, cases[0].Explanation.Protocol, cases);
    }

    private static bool IsSelf(EndpointTarget from, Probed to) =>
        from.Endpoint.Pod is { } pod && ReferenceEquals(pod, to.Target.Endpoint.Pod);

    /// <summary>A destination with the port and protocol to probe on it.</summary>
    private sealed record Probed(EndpointTarget Target, int Port, Protocol Protocol);

    private static List<EndpointTarget>? Sources(Cluster cluster, EndpointResolver resolver, TestSpec test, List<Diagnostic> problems) =>
        Pods(cluster, resolver, test.From, $"{test.Path}.from", problems);

    /// <summary>The pods (or address) an endpoint stands for, a Service standing for its backends whatever its ports.</summary>
    private static List<EndpointTarget>? Pods(Cluster cluster, EndpointResolver resolver, TestEndpoint endpoint, string field, List<Diagnostic> problems)
    {
        if (endpoint.Selector is { } selector)
        {
            return Select(cluster, selector, endpoint.Location, field, problems);
        }

        try
        {
            return [.. resolver.ResolveSource(endpoint.Text!)];
        }
        catch (NetpolException ex)
        {
            problems.Add(Problem(endpoint.Location, field, ex.Message));
            return null;
        }
    }

    private static List<Probed>? Destinations(Cluster cluster, EndpointResolver resolver, TestSpec test, List<Diagnostic> problems)
    {
        var field = $"{test.Path}.to";
        if (test.To.Selector is { } selector)
        {
            var pods = Select(cluster, selector, test.To.Location, field, problems);
            return pods is null ? null : OnPort(pods, test, problems);
        }

        var text = test.To.Text!;
        if (resolver.ServiceNamed(text) is { } service)
        {
            return ThroughService(resolver, service, test, problems);
        }

        try
        {
            return OnPort(resolver.Resolve(text, null, null), test, problems);
        }
        catch (NetpolException ex)
        {
            problems.Add(Problem(test.To.Location, field, ex.Message));
            return null;
        }
    }

    /// <summary>
    /// A Service destination: the port (a number, or the name of a Service port; none when the Service has one)
    /// chooses the Service port, which resolves to each backing pod's targetPort, as <c>netpol check</c> does.
    /// </summary>
    private static List<Probed>? ThroughService(EndpointResolver resolver, Service service, TestSpec test, List<Diagnostic> problems)
    {
        var portField = $"{test.Path}.port";
        var protocol = test.Protocol;
        var matching = service.Ports.Where(p => protocol is null || p.Protocol == protocol).ToList();
        int? number = test.Port?.Number;
        if (test.Port is { Name: { } name })
        {
            var byName = matching.FirstOrDefault(p => p.Name == name);
            if (byName is null)
            {
                problems.Add(Problem(test.Port.Location, portField, $"Service {service.FullName} has no port named \"{name}\"{Slash(protocol)}; it has {Describe(service.Ports)}"));
                return null;
            }

            (number, protocol) = (byName.Port, byName.Protocol);
        }
        else if (number is { } n && !matching.Any(p => p.Port == n))
        {
            problems.Add(Problem(test.Port!.Location, portField, $"Service {service.FullName} has no port {n}{Slash(protocol)}; it has {Describe(service.Ports)}"));
            return null;
        }
        else if (test.Port is null && matching.Count != 1)
        {
            problems.Add(Problem(test.Location, portField, matching.Count == 0
                ? $"Service {service.FullName} has no {(protocol is null ? string.Empty : $"{protocol} ")}port{(service.Ports.Count > 0 ? $"; it has {Describe(service.Ports)}" : string.Empty)}"
                : $"Required value: Service {service.FullName} has several ports ({Describe(matching)}): choose one"));
            return null;
        }

        // The port is settled: what can still go wrong is the Service's side (no backing pod).
        IReadOnlyList<EndpointTarget> targets;
        try
        {
            targets = resolver.Resolve(test.To.Text!, number, protocol);
        }
        catch (NetpolException ex)
        {
            problems.Add(Problem(test.To.Location, $"{test.Path}.to", ex.Message));
            return null;
        }

        var unresolved = targets.Where(t => t.Port is null).ToList();
        if (unresolved.Count > 0)
        {
            problems.Add(Problem(test.To.Location, $"{test.Path}.to", $"{Names(unresolved)} {(unresolved.Count == 1 ? "has" : "have")} no container port named as {unresolved[0].Via}'s targetPort"));
            return null;
        }

        return [.. targets.Select(t => new Probed(t, t.Port!.Value, t.Protocol ?? Protocol.TCP))];
    }

    /// <summary>Pods and addresses probed on the test's port: a number as is, a name per destination pod.</summary>
    private static List<Probed>? OnPort(IReadOnlyList<EndpointTarget> targets, TestSpec test, List<Diagnostic> problems)
    {
        var field = $"{test.Path}.port";
        switch (test.Port)
        {
            case null:
                problems.Add(Problem(test.Location, field, "Required value: the port to test on the destination (a number or a container port name)"));
                return null;
            case { Number: { } n }:
                return [.. targets.Select(t => new Probed(t, n, test.Protocol ?? Protocol.TCP))];
        }

        // Named ports resolve on the destination pod, as in a policy; without a protocol the port's own applies
        // (a pod's port names are unique), so "dns" finds UDP 53.
        var name = test.Port.Name!;
        if (targets.FirstOrDefault(t => t.Endpoint.Pod is null) is { } address)
        {
            problems.Add(Problem(test.Port.Location, field, $"a named port needs a pod destination: {address.Endpoint} is an address outside the cluster's pods"));
            return null;
        }

        var probed = new List<Probed>();
        var missing = new List<EndpointTarget>();
        foreach (var t in targets)
        {
            var port = t.Endpoint.Pod!.Ports.FirstOrDefault(p => p.Name == name && (test.Protocol is null || p.Protocol == test.Protocol));
            if (port is null)
            {
                missing.Add(t);
            }
            else
            {
                probed.Add(new Probed(t, port.Port, port.Protocol));
            }
        }

        if (missing.Count > 0)
        {
            problems.Add(Problem(test.Port.Location, field, $"no container port named \"{name}\"{Slash(test.Protocol)} on {Names(missing)}"));
            return null;
        }

        return probed;
    }

    /// <summary>The pods a selector endpoint stands for; none is a problem, said as precisely as possible.</summary>
    private static List<EndpointTarget>? Select(Cluster cluster, TestSelector selector, SourceLocation location, string field, List<Diagnostic> problems)
    {
        var labels = LabelSelector.FromLabels(selector.Labels);
        var pool = selector.Namespace is null ? cluster.Pods : cluster.PodsIn(selector.Namespace);
        var pods = pool.Where(p => labels.Matches(p.Labels)).ToList();
        if (pods.Count > 0)
        {
            return [.. pods.Select(p => new EndpointTarget(Endpoint.ForPod(p), null, null, null))];
        }

        string why;
        if (selector.Namespace is { } ns && cluster.FindNamespace(ns) is null)
        {
            why = $"no namespace \"{ns}\" in the input{Suggest(cluster.Namespaces.Select(n => n.Name), ns)}";
        }
        else if (pool.Count == 0)
        {
            why = selector.Namespace is null ? "the input has no pods" : $"namespace {selector.Namespace} has no pods";
        }
        else
        {
            why = $"no pod {(selector.Namespace is null ? "in any namespace" : $"of namespace {selector.Namespace}")} has the labels {labels}";
        }

        problems.Add(Problem(location, field, $"selector {selector} matches no pod: {why}"));
        return null;
    }

    private static Diagnostic Problem(SourceLocation location, string field, string message) =>
        new(Severity.Error, "unresolved", location, null, field, message);

    private static string Slash(Protocol? protocol) => protocol is { } p ? $" ({p})" : string.Empty;

    private static string Describe(IEnumerable<ServicePort> ports) =>
        string.Join(", ", ports.Select(p => p.Name is null ? $"{p.Port}/{p.Protocol}" : $"{p.Name} {p.Port}/{p.Protocol}"));

    private static string Names(List<EndpointTarget> targets)
    {
        const int Shown = 3;
        var names = string.Join(", ", targets.Take(Shown).Select(t => t.Endpoint.Name));
        return targets.Count > Shown ? $"{names} and {targets.Count - Shown} more" : names;
    }

    private static string Suggest(IEnumerable<string> names, string text)
    {
        var best = names.Select(n => (Name: n, Distance: EditDistance.Between(n, text)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, text.Length / 3) ? $"; did you mean {best.Name}?" : string.Empty;
    }
}
