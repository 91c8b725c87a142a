namespace BrokerAdapters.Migration;

/// <summary>Opens customer files for sequential asynchronous reading and writing.</summary>
internal static class CustomerFiles
{
    private const int BufferSize = 64 * 1024;

    public static FileStream OpenRead(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            BufferSize = BufferSize,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });

    public static FileStream Create(string path) =>
        new(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = BufferSize,
            Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
        });
}
