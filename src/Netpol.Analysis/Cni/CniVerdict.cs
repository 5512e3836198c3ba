using Netpol.Core.Model;
using Netpol.Core.Profiles;

namespace Netpol.Analysis.Cni;

/// <summary>
/// What one network plugin profile decides for a connection (or a matrix cell), and why it differs from upstream
/// semantics (empty <see cref="Reasons"/> when it does not).
/// </summary>
/// <param name="Profile">The profile's <c>--cni</c> name.</param>
/// <param name="Allowed">The verdict: on the probe, or on some port when no probe was given.</param>
/// <param name="Ports">The allowed ports (within the probe or the protocols asked for).</param>
/// <param name="Reasons">The behaviours that make it differ from portable, with their sources.</param>
public sealed record CniVerdict(string Profile, bool Allowed, PortSet Ports, IReadOnlyList<ProfileEvidence> Reasons);
