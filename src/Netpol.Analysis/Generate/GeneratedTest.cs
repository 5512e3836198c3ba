using Netpol.Core.Model;

namespace Netpol.Analysis.Generate;

/// <summary>An observed connection as a <c>netpol test</c> expectation: <c>from</c> reaches <c>to</c> on the port.</summary>
public sealed record GeneratedTest(string Name, string From, string To, int Port, Protocol Protocol);
