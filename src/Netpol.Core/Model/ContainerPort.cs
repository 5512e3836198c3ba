namespace Netpol.Core.Model;

/// <summary>A port a container declares; named ports in policies resolve against these.</summary>
public sealed record ContainerPort(string? Name, int Port, Protocol Protocol);
