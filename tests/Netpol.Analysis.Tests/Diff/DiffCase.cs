using Netpol.Analysis.Matrix;

namespace Netpol.Analysis.Tests.Diff;

/// <summary>One row of the diff table: two versions of a cluster and what the diff must report.</summary>
/// <param name="Name">What the row shows, as a sentence.</param>
/// <param name="Base">The manifests before the change (YAML documents).</param>
/// <param name="Head">The manifests after the change.</param>
/// <param name="Lost">Lost connections as <c>FROM -&gt; TO PORTS</c>, sorted.</param>
/// <param name="Gained">Gained connections, the same way.</param>
/// <param name="Policies">Policy changes as <c>added ns/name</c>, <c>removed ns/name</c>, <c>modified ns/name: field, field</c>.</param>
/// <param name="Endpoints">Endpoints on one side only as <c>added NAME</c> or <c>removed NAME</c>.</param>
/// <param name="By">Workloads (the default) or pods.</param>
/// <param name="Namespaces">The namespace filter (none: all).</param>
public sealed record DiffCase(
    string Name,
    string[] Base,
    string[] Head,
    string[] Lost,
    string[] Gained,
    string[] Policies,
    string[]? Endpoints = null,
    Grouping By = Grouping.Workload,
    string[]? Namespaces = null)
{
    public override string ToString() => Name;
}
