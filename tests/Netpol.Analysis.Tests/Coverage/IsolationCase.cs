namespace Netpol.Analysis.Tests.Coverage;

/// <summary>One row of the isolation table: policies over a fixed set of pods, and how coverage must see one pod.</summary>
/// <param name="Name">What the row shows, as a sentence.</param>
/// <param name="Policies">NetworkPolicy documents.</param>
/// <param name="Pod">The pod looked at, <c>namespace/name</c>.</param>
/// <param name="Ingress">The policies that must isolate it for ingress (none: open).</param>
/// <param name="Egress">The policies that must isolate it for egress (none: open).</param>
public sealed record IsolationCase(string Name, string[] Policies, string Pod, string[] Ingress, string[] Egress)
{
    public override string ToString() => Name;
}
