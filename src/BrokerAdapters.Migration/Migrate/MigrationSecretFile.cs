namespace BrokerAdapters.Migration;

/// <summary>Opens files that hold passwords: readable and writable by the owner only where the OS allows (Unix mode 0600).</summary>
internal static class MigrationSecretFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Opens <paramref name="path"/> for appending, creating it as owner-only; an existing file is narrowed to owner-only too.</summary>
    public static FileStream OpenForAppend(string path)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        var stream = new FileStream(path, options);
        try
        {
            if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(stream.SafeFileHandle) != OwnerOnly)
            {
                File.SetUnixFileMode(stream.SafeFileHandle, OwnerOnly);
            }

            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
