-- messaging.0003_message_attachments (plan item 018): SQL Server DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Create model MessageAttachment
CREATE TABLE [MessageAttachments] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [SortOrder] smallint NOT NULL CONSTRAINT MessageAttachments_SortOrder_ea95a71b_check CHECK ([SortOrder] >= 0), [Caption] nvarchar(500) NOT NULL, [FileId] char(32) NOT NULL, [MessageId] bigint NOT NULL, CONSTRAINT [UX_MsgAttachments_Msg_File] UNIQUE ([MessageId], [FileId]));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_MsgAttachments_File] ON [MessageAttachments] ([FileId]);
GO
ALTER TABLE [MessageAttachments] ADD CONSTRAINT [MessageAttachments_FileId_5710f9ad_fk_StoredFiles_Id] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id]);
GO
ALTER TABLE [MessageAttachments] ADD CONSTRAINT [MessageAttachments_MessageId_13d2f138_fk_Messages_Id] FOREIGN KEY ([MessageId]) REFERENCES [Messages] ([Id]);
GO
COMMIT TRANSACTION;
GO
