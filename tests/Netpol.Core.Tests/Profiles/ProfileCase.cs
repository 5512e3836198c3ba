using Netpol.Core.Profiles;

namespace Netpol.Core.Tests.Profiles;

/// <summary>
/// One row of the profile table: a small cluster, a connection, its upstream (portable) verdict and its verdict under
/// one network plugin, with the behaviour that makes them differ (none when they agree).
/// </summary>
/// <param name="Name">What the row shows, as a sentence.</param>
/// <param name="Profile">The <c>--cni</c> name.</param>
/// <param name="Policies">Policies (YAML documents) added to the shared world.</param>
/// <param name="From">The source: <c>namespace/pod</c> or an address.</param>
/// <param name="To">The destination.</param>
/// <param name="Port">The probe: <c>80/TCP</c>.</param>
/// <param name="Portable">The verdict under upstream semantics.</param>
/// <param name="Allowed">The verdict under the profile.</param>
/// <param name="Because">The behaviour the difference is put down to; null when the verdicts agree.</param>
public sealed record ProfileCase(
    string Name,
    string Profile,
    string[] Policies,
    string From,
    string To,
    string Port,
    bool Portable,
    bool Allowed,
    CniBehaviour? Because)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
