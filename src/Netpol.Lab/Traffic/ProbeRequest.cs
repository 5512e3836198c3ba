using System.Net;
using Netpol.Core.Engine;
using Netpol.Lab.Network;

namespace Netpol.Lab.Traffic;

/// <summary>One connection attempt: from a host's namespace to an address of another host, on a port and protocol.</summary>
public sealed record ProbeRequest(LabHost From, LabHost To, IPAddress Address, Probe Probe);
