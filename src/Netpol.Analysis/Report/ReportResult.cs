using Netpol.Analysis.Coverage;
using Netpol.Analysis.Describe;
using Netpol.Analysis.Graph;
using Netpol.Analysis.Lint;

namespace Netpol.Analysis.Report;

/// <summary>
/// Everything the HTML report shows: the workload graph (open and expected-but-denied edges included), the
/// explanations of its edges, lint findings, coverage and the cluster network policy tiers.
/// </summary>
public sealed record ReportResult(
    ReportOptions Options,
    GraphResult Graph,
    IReadOnlyList<EdgeExplanation> Explanations,
    LintResult Lint,
    CoverageResult Coverage,
    int Pods,
    int Policies)
{
    /// <summary>The <c>team</c> label of each namespace that has one: the page groups namespaces by team when there are many.</summary>
    public IReadOnlyDictionary<string, string> Teams { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Every cluster network policy of the input in evaluation order (Admin tier by priority, then Baseline tier by
    /// priority), each with its subject and rules resolved; NetworkPolicy is evaluated between the two tiers.
    /// </summary>
    public IReadOnlyList<ClusterPolicyDescription> ClusterPolicies { get; init; } = [];

    /// <summary>The cluster network policies the network plugin does not implement (<c>--cni</c>), by short name: they have no effect in this report.</summary>
    public IReadOnlyList<string> IgnoredClusterPolicies { get; init; } = [];

    /// <summary>How many namespaces hold a NetworkPolicy: the middle step of the evaluation order.</summary>
    public int NetworkPolicyNamespaces { get; init; }

    /// <summary>The cluster network policies governing each graph node, per direction, in evaluation order.</summary>
    public IReadOnlyList<GoverningPolicy> Governing { get; init; } = [];

    /// <summary>
    /// The denied edges (indices into the graph's edges) added because NetworkPolicy alone would allow them on ports
    /// the destination serves, and a cluster network policy denies them.
    /// </summary>
    public IReadOnlyList<int> TierDeniedEdges { get; init; } = [];

    /// <summary>Such flows left out beyond <see cref="ReportOptions.MaxTierDenied"/>.</summary>
    public int TierDeniedOmitted { get; init; }
}
