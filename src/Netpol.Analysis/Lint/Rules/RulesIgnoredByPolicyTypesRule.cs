using Netpol.Core.Diagnostics;
using Netpol.Core.Model;

namespace Netpol.Analysis.Lint.Rules;

/// <summary>
/// <c>rules-ignored-by-policy-types</c>: ingress or egress rules in a policy whose policyTypes leaves that direction
/// out. The API server accepts and stores them, and they never apply: the author believes traffic is allowed (or
/// restricted) when it is not.
/// </summary>
public sealed class RulesIgnoredByPolicyTypesRule : LintRule
{
    /// <inheritdoc />
    public override string Id => "rules-ignored-by-policy-types";

    /// <inheritdoc />
    public override Severity DefaultSeverity => Severity.Error;

    /// <inheritdoc />
    public override string Summary => "ingress or egress rules in a policy whose policyTypes omits that direction";

    /// <inheritdoc />
    public override void Check(LintContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var policy in context.Cluster.Policies)
        {
            foreach (var direction in (Direction[])[Direction.Ingress, Direction.Egress])
            {
                var ignored = policy.IgnoredRules(direction);
                if (ignored.Count == 0)
                {
                    continue;
                }

                var word = direction == Direction.Ingress ? "ingress" : "egress";
                var type = direction == Direction.Ingress ? "Ingress" : "Egress";
                var declared = string.Join(", ", policy.DeclaredPolicyTypes ?? []);
                var kept = (policy.DeclaredPolicyTypes ?? []).Append(type).Distinct().OrderBy(t => t == "Egress");
                context.Report(
                    policy,
                    $"spec.{word}",
                    $"policyTypes [{declared}] omits {type}: {(ignored.Count == 1 ? $"its {word} rule never applies" : $"its {ignored.Count} {word} rules never apply")}",
                    $"add {type} to policyTypes (this isolates the selected pods for {word}), or delete the rules:\n  policyTypes:\n{string.Join("\n", kept.Select(t => $"    - {t}"))}");
            }
        }
    }
}
