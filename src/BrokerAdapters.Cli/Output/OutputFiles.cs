namespace BrokerAdapters.Cli.Output;

/// <summary>Files the commands write: replaced only once complete, so a failed or cancelled run leaves the old file (or none).</summary>
internal static class OutputFiles
{
    /// <summary>Writes a file through a temporary one beside it, moved over it once <paramref name="write"/> succeeds.</summary>
    /// <typeparam name="T">What the writing returns.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="write">Writes the temporary file, given its path.</param>
    /// <returns>What <paramref name="write"/> returned.</returns>
    public static async Task<T> ReplaceAsync<T>(string path, Func<string, Task<T>> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var partial = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.partial");
        try
        {
            var result = await write(partial).ConfigureAwait(false);
            File.Move(partial, path, overwrite: true);
            return result;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
