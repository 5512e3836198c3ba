using Netpol.Core.Model;

namespace Netpol.Analysis.Lint;

/// <summary>Walks the rules of a policy that apply, with their field paths and directions.</summary>
internal static class PolicyRules
{
    public static IEnumerable<(PolicyRule Rule, string Path, Direction Direction)> All(NetworkPolicy policy)
    {
        for (var i = 0; i < policy.Ingress.Count; i++)
        {
            yield return (policy.Ingress[i], $"spec.ingress[{i}]", Direction.Ingress);
        }

        for (var i = 0; i < policy.Egress.Count; i++)
        {
            yield return (policy.Egress[i], $"spec.egress[{i}]", Direction.Egress);
        }
    }
}
