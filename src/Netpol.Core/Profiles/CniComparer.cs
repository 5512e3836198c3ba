using Netpol.Core.Engine;
using Netpol.Core.Model;

namespace Netpol.Core.Profiles;

/// <summary>
/// Compares what several network plugins allow on the same cluster, and says why a plugin's verdict differs from
/// upstream semantics: a difference is put down to each behaviour that, applied alone, already makes it (or to
/// all of the profile's behaviours together when none does alone). Engines are built when first needed.
/// </summary>
public sealed class CniComparer
{
    private readonly Cluster _cluster;
    private readonly Func<Cluster, IConnectivityEngine>? _createEngine;
    private readonly Dictionary<string, IConnectivityEngine> _engines = new(StringComparer.Ordinal);

    /// <summary>Compares <paramref name="profiles"/> on <paramref name="cluster"/> (engines: fast unless told otherwise).</summary>
    public CniComparer(Cluster cluster, IReadOnlyList<CniProfile> profiles, Func<Cluster, IConnectivityEngine>? createEngine = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(profiles);
        _cluster = cluster;
        Profiles = profiles;
        _createEngine = createEngine;
    }

    /// <summary>The profiles compared, in the order given.</summary>
    public IReadOnlyList<CniProfile> Profiles { get; }

    /// <summary>The engine for upstream semantics.</summary>
    public IConnectivityEngine Portable => EngineFor(CniProfiles.Portable);

    /// <summary>The engine answering for a profile.</summary>
    public IConnectivityEngine EngineFor(CniProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var key = profile.IsPortable ? CniProfiles.Portable.Name : profile.Name;
        if (!_engines.TryGetValue(key, out var engine))
        {
            engine = profile.IsPortable
                ? (_createEngine ?? (c => new FastEngine(c)))(_cluster)
                : new ProfiledEngine(profile, _cluster, _createEngine);
            _engines[key] = engine;
        }

        return engine;
    }

    /// <summary>What the profile allows from one endpoint to another.</summary>
    public PortSet Allowed(CniProfile profile, Endpoint from, Endpoint to) => EngineFor(profile).AllowedPorts(from, to);

    /// <summary>
    /// Why the profile's verdict differs from upstream semantics within <paramref name="scope"/> (one probe's port, or
    /// every port): the evidence of each behaviour responsible. Empty when it does not differ.
    /// </summary>
    public IReadOnlyList<ProfileEvidence> Reasons(CniProfile profile, Endpoint from, Endpoint to, PortSet scope)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(scope);
        var portable = Portable.AllowedPorts(from, to).Intersect(scope);
        if (Allowed(profile, from, to).Intersect(scope).Equals(portable))
        {
            return [];
        }

        var alone = profile.Deviations
            .Where(b => !EngineFor(profile.Only(b)).AllowedPorts(from, to).Intersect(scope).Equals(portable))
            .ToList();
        return [.. (alone.Count > 0 ? alone : profile.Deviations).Select(b => EvidenceOf(profile, b))];
    }

    private static ProfileEvidence EvidenceOf(CniProfile profile, CniBehaviour behaviour) =>
        profile.EvidenceFor(behaviour) ?? new ProfileEvidence(behaviour, behaviour.ToString(), string.Empty, EvidenceLevel.Inferred);
}
