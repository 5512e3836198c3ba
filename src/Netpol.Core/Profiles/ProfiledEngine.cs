using Netpol.Core.Engine;
using Netpol.Core.Model;

namespace Netpol.Core.Profiles;

/// <summary>
/// Answers for a cluster as a network plugin enforces it: an inner engine (the fast engine unless told otherwise)
/// built over the profile's rewritten cluster, with the profile's pair-level rules applied to its answers.
/// Endpoints are those of the cluster as loaded.
/// </summary>
public sealed class ProfiledEngine : IConnectivityEngine
{
    private readonly IConnectivityEngine _inner;

    /// <summary>Builds the inner engine over the rewritten cluster with <paramref name="createEngine"/> (default: <see cref="FastEngine"/>).</summary>
    public ProfiledEngine(ProfiledCluster profiled, Func<Cluster, IConnectivityEngine>? createEngine = null)
    {
        ArgumentNullException.ThrowIfNull(profiled);
        Profiled = profiled;
        _inner = (createEngine ?? (c => new FastEngine(c)))(profiled.Cluster);
    }

    /// <summary>Applies <paramref name="profile"/> to <paramref name="cluster"/> and builds the engine.</summary>
    public ProfiledEngine(CniProfile profile, Cluster cluster, Func<Cluster, IConnectivityEngine>? createEngine = null)
        : this(new ProfiledCluster(profile, cluster), createEngine)
    {
    }

    /// <summary>The rewritten cluster and the profile.</summary>
    public ProfiledCluster Profiled { get; }

    /// <summary>The cluster as loaded (the endpoints given belong to it).</summary>
    public Cluster Cluster => Profiled.Original;

    /// <inheritdoc />
    public PortSet AllowedPorts(Endpoint from, Endpoint to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var allowed = _inner.AllowedPorts(Profiled.Map(from), Profiled.Map(to));
        return Profiled.Adjust(from, to, allowed);
    }
}
