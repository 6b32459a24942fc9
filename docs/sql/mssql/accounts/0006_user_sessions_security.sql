-- accounts.0006_user_sessions_security (plan item 003): SQL Server DDL
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
-- Create model UserSession
CREATE TABLE [UserSessions] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [UserId] nvarchar(450) NOT NULL, [SessionToken] nvarchar(500) NOT NULL, [RefreshToken] nvarchar(500) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ExpiresAt] datetimeoffset NOT NULL, [LastActivityAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [IPAddress] nvarchar(45) NULL, [UserAgent] nvarchar(500) NULL, [DeviceInfo] nvarchar(200) NULL, [Location] nvarchar(200) NULL, [IsActive] bit DEFAULT 1 NOT NULL, [EndedAt] datetimeoffset NULL, [EndReason] nvarchar(50) NULL, [TokenPrefix] nvarchar(16) NOT NULL, [ReplacedBySessionId] char(32) NULL, CONSTRAINT [IX_UserSessions_Token] UNIQUE ([SessionToken]), CONSTRAINT [IX_UserSessions_RefreshToken] UNIQUE ([RefreshToken]), CONSTRAINT [CK_UserSessions_Expiry] CHECK ([ExpiresAt] > ([CreatedAt])), CONSTRAINT [CK_UserSessions_Ended] CHECK ((([EndedAt] IS NULL AND [IsActive] = 1) OR ([EndReason] IS NOT NULL AND [EndedAt] IS NOT NULL AND [IsActive] = 0))), CONSTRAINT [CK_UserSessions_EndReason] CHECK (([EndReason] IS NULL OR [EndReason] IN ('Logout', 'Expired', 'Revoked', 'Replaced'))));
GO
-- Create model LoginAttempt
CREATE TABLE [LoginAttempts] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [Email] nvarchar(256) NOT NULL, [IPAddress] nvarchar(45) NOT NULL, [UserAgent] nvarchar(500) NULL, [Success] bit NOT NULL, [FailureReason] nvarchar(100) NULL, [AttemptedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, CONSTRAINT [CK_LoginAttempts_Failure] CHECK (([Success] = 1 OR [FailureReason] IS NOT NULL)), CONSTRAINT [CK_LoginAttempts_FailureReason] CHECK (([FailureReason] IS NULL OR [FailureReason] IN ('InvalidCredentials', 'AccountLocked', 'AccountSuspended', 'AccountDeactivated', 'EmailNotConfirmed', 'TwoFactorFailed', 'RateLimited'))));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_LoginAttempts_Email_Time] ON [LoginAttempts] ([Email], [AttemptedAt] DESC);
GO
CREATE INDEX [IX_LoginAttempts_IP_Time] ON [LoginAttempts] ([IPAddress], [AttemptedAt] DESC);
GO
CREATE INDEX [IX_LoginAttempts_Success] ON [LoginAttempts] ([Success]);
GO
CREATE INDEX [IX_LoginAttempts_Time] ON [LoginAttempts] ([AttemptedAt] DESC);
GO
CREATE INDEX [IX_UserSessions_ExpiresAt] ON [UserSessions] ([ExpiresAt]);
GO
CREATE INDEX [IX_UserSessions_LastActivity] ON [UserSessions] ([LastActivityAt] DESC);
GO
CREATE INDEX [IX_UserSessions_TokenPrefix] ON [UserSessions] ([TokenPrefix]);
GO
CREATE INDEX [IX_UserSessions_User] ON [UserSessions] ([UserId]);
GO
CREATE INDEX [UserSessions_ReplacedBySessionId_120d90db] ON [UserSessions] ([ReplacedBySessionId]);
GO
ALTER TABLE [UserSessions] ADD CONSTRAINT [UserSessions_ReplacedBySessionId_120d90db_fk_UserSessions_Id] FOREIGN KEY ([ReplacedBySessionId]) REFERENCES [UserSessions] ([Id]);
GO
ALTER TABLE [UserSessions] ADD CONSTRAINT [UserSessions_UserId_af646d32_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
COMMIT TRANSACTION;
GO
