-- audit.0001_audit_logs (plan item 005): SQL Server DDL
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
-- Create model AuditLog
CREATE TABLE [AuditLogs] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NULL, [Action] nvarchar(100) NOT NULL, [EntityType] nvarchar(100) NOT NULL, [EntityId] nvarchar(100) NULL, [OldValues] nvarchar(max) NULL CONSTRAINT AuditLogs_OldValues_e664e0c5_check CHECK ((ISJSON ("OldValues") = 1)), [NewValues] nvarchar(max) NULL CONSTRAINT AuditLogs_NewValues_c23ac033_check CHECK ((ISJSON ("NewValues") = 1)), [IPAddress] nvarchar(45) NULL, [UserAgent] nvarchar(500) NULL, [SessionId] char(32) NULL, [Timestamp] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [Severity] nvarchar(20) DEFAULT 'Info' NOT NULL, [CorrelationId] nvarchar(64) NULL, [ActorEmail] nvarchar(256) NULL, CONSTRAINT [CK_AuditLogs_Severity] CHECK ([Severity] IN ('Info', 'Warning', 'Error', 'Critical')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [AuditLogs_SessionId_652ecea0] ON [AuditLogs] ([SessionId]);
GO
CREATE INDEX [IX_AuditLogs_Action] ON [AuditLogs] ([Action]);
GO
CREATE INDEX [IX_AuditLogs_EntityType] ON [AuditLogs] ([EntityType]);
GO
CREATE INDEX [IX_AuditLogs_Entity] ON [AuditLogs] ([EntityType], [EntityId]);
GO
CREATE INDEX [IX_AuditLogs_Severity] ON [AuditLogs] ([Severity]);
GO
CREATE INDEX [IX_AuditLogs_Timestamp] ON [AuditLogs] ([Timestamp] DESC);
GO
CREATE INDEX [IX_AuditLogs_User_Timestamp] ON [AuditLogs] ([UserId], [Timestamp] DESC);
GO
ALTER TABLE [AuditLogs] ADD CONSTRAINT [AuditLogs_SessionId_652ecea0_fk_UserSessions_Id] FOREIGN KEY ([SessionId]) REFERENCES [UserSessions] ([Id]);
GO
ALTER TABLE [AuditLogs] ADD CONSTRAINT [AuditLogs_UserId_1a01ad54_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
