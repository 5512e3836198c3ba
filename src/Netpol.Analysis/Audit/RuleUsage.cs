using Netpol.Core.Model;

namespace Netpol.Analysis.Audit;

/// <summary>
/// One rule of a policy and how many observed flows it admitted on its side (the source's egress or the
/// destination's ingress). A flow that several rules admit counts for each.
/// </summary>
public sealed record RuleUsage(NetworkPolicy Policy, Direction Direction, int Index, long Flows)
{
    /// <summary>The rule as in YAML: <c>ingress[0]</c>, <c>egress[1]</c>.</summary>
    public string Rule => $"{(Direction == Direction.Ingress ? "ingress" : "egress")}[{Index}]";

    /// <summary>The reference netpol prints: <c>policy ns/name ingress[0]</c>.</summary>
    public string Reference => $"policy {Policy.FullName} {Rule}";
}
