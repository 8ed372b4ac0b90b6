using System.Reflection;
using GenericParameter = ArchUnitNET.Domain.GenericParameter;
using ArchUnitNET.Loader;

namespace Speciosa.Web.Tests.Architecture;

/// <summary>The dependencies between the slices of an assembly, read from its compiled code (signatures, fields,
/// method bodies, attributes) by ArchUnitNET. A slice is the first namespace segment under a root: for the root
/// <c>Speciosa.Web</c>, <c>Speciosa.Web.Products.Pages.LotPage</c> is in slice <c>Products</c>; a type directly in the
/// root is in the slice "" (the host).</summary>
public sealed class SliceGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> edges = new(StringComparer.Ordinal);

    private SliceGraph(string root) => Root = root;

    public string Root { get; }

    /// <summary>Every slice that holds a type.</summary>
    public SortedSet<string> Slices { get; } = new(StringComparer.Ordinal);

    public static SliceGraph Of(Assembly assembly, string root)
    {
        var graph = new SliceGraph(root);
        var architecture = new ArchLoader().LoadAssemblies(assembly).Build();
        foreach (var type in architecture.Types)
        {
            if (type.Namespace?.FullName is not { } ns || SliceOf(ns, root) is not { } from)
            {
                continue;
            }

            graph.Slices.Add(from);
            // A generic parameter (the T of Put<T>) is not a dependency: ArchUnitNET files every T under the first method
            // it met with that signature, which would invent edges to whichever namespace that was.
            foreach (var dependency in type.Dependencies.Where(d => d.Target is not GenericParameter))
            {
                if (dependency.Target?.Namespace?.FullName is { } targetNs && SliceOf(targetNs, root) is { } to && to != from)
                {
                    graph.Add(from, to, $"{type.FullName} → {dependency.Target.FullName}");
                }
            }
        }

        return graph;
    }

    /// <summary>The slices <paramref name="from"/> depends on, each with one type dependency that shows it.</summary>
    public IReadOnlyDictionary<string, string> DependenciesOf(string from) =>
        edges.TryGetValue(from, out var targets) ? targets : new Dictionary<string, string>();

    /// <summary>Adds an edge by hand: how the test of the test shows that a new cycle is caught.</summary>
    public SliceGraph With(string from, string to, string example)
    {
        var copy = new SliceGraph(Root);
        copy.Slices.UnionWith(Slices);
        foreach (var (f, targets) in edges)
        {
            foreach (var (t, e) in targets)
            {
                copy.Add(f, t, e);
            }
        }

        copy.Slices.Add(from);
        copy.Slices.Add(to);
        copy.Add(from, to, example);
        return copy;
    }

    /// <summary>The groups of <paramref name="among"/> that depend on each other in a circle (strongly connected
    /// components of more than one slice, Tarjan), each as its slices and the edges that close it.</summary>
    public IReadOnlyList<string> Cycles(IReadOnlySet<string> among)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var next = 0;

        void Visit(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in DependenciesOf(v).Keys.Where(among.Contains).Order(StringComparer.Ordinal))
            {
                if (!index.ContainsKey(w))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], index[w]);
                }
            }

            if (low[v] != index[v])
            {
                return;
            }

            var component = new SortedSet<string>(StringComparer.Ordinal);
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            }
            while (popped != v);

            if (component.Count > 1)
            {
                var shown = component.SelectMany(f => DependenciesOf(f)
                    .Where(d => component.Contains(d.Key))
                    .Select(d => $"  {f} → {d.Key}: {d.Value}"));
                found.Add($"{string.Join(" ⇄ ", component)}\n{string.Join("\n", shown)}");
            }
        }

        foreach (var slice in among.Order(StringComparer.Ordinal).Where(s => !index.ContainsKey(s)))
        {
            Visit(slice);
        }

        return found;
    }

    /// <summary>Each dependency of a slice in <paramref name="from"/> on a slice in <paramref name="forbidden"/>.</summary>
    public IReadOnlyList<string> Dependencies(IReadOnlySet<string> from, IReadOnlySet<string> forbidden) =>
        from.Order(StringComparer.Ordinal)
            .SelectMany(f => DependenciesOf(f).Where(d => forbidden.Contains(d.Key)).Select(d => $"{f} → {d.Key}: {d.Value}"))
            .ToList();

    private void Add(string from, string to, string example)
    {
        if (!edges.TryGetValue(from, out var targets))
        {
            edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
        }

        targets.TryAdd(to, example);
    }

    private static string? SliceOf(string ns, string root)
    {
        if (ns == root)
        {
            return "";
        }

        if (!ns.StartsWith(root + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }
}
