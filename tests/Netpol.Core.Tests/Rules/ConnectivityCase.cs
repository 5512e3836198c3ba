namespace Netpol.Core.Tests.Rules;

/// <summary>
/// One row of a semantics table: a small cluster (namespaces and pods in the <see cref="World"/> notation, policies as
/// YAML specs), a connection and the verdict Kubernetes gives it on one port.
/// </summary>
/// <param name="Name">What the row shows, as a sentence.</param>
/// <param name="World">Namespaces and pods, one per line (see <see cref="World"/>).</param>
/// <param name="Policies">NetworkPolicies, made with <see cref="World.Policy"/>.</param>
/// <param name="From">The source: <c>namespace/pod</c> or an address.</param>
/// <param name="To">The destination: <c>namespace/pod</c> or an address.</param>
/// <param name="Port">The probe: <c>80/TCP</c>, <c>53/UDP</c>, or <c>80</c> for TCP.</param>
/// <param name="Allowed">The verdict the NetworkPolicy spec gives.</param>
public sealed record ConnectivityCase(
    string Name,
    string[] World,
    string[] Policies,
    string From,
    string To,
    string Port,
    bool Allowed)
{
    /// <summary>The row name, so each row reads as a sentence in test output.</summary>
    public override string ToString() => Name;
}
