-- messaging.0005_video_calls (plan item 020): SQL Server DDL
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
-- Create model VideoCallSession
CREATE TABLE [VideoCallSessions] ([Id] char(32) DEFAULT (LOWER(REPLACE(CONVERT(char(36), NEWID()), '-', ''))) NOT NULL PRIMARY KEY, [CallType] nvarchar(6) NOT NULL, [VideoProvider] nvarchar(10) NOT NULL, [ExternalRoomId] nvarchar(100) NULL, [JoinUrl] nvarchar(500) NOT NULL, [Status] nvarchar(12) NOT NULL, [ScheduledStartAt] datetimeoffset NULL, [StartedAt] datetimeoffset NULL, [EndedAt] datetimeoffset NULL, [DurationSeconds] int NULL CONSTRAINT VideoCallSessions_DurationSeconds_a9633ed1_check CHECK ([DurationSeconds] >= 0), [EndReason] nvarchar(30) NOT NULL, [CreatedAt] datetimeoffset DEFAULT (GETUTCDATE()) NOT NULL, [ConversationId] char(32) NULL, [InitiatedById] nvarchar(450) NULL, [RecordingFileId] char(32) NULL, CONSTRAINT [CK_VideoCalls_Times] CHECK (([EndedAt] IS NULL OR [StartedAt] IS NULL OR [EndedAt] >= ([StartedAt]))), CONSTRAINT [CK_VideoCalls_Status] CHECK ([Status] IN ('Scheduled', 'Ringing', 'InProgress', 'Completed', 'Missed', 'Declined', 'Canceled', 'Failed')), CONSTRAINT [CK_VideoCallSessions_CallType] CHECK ([CallType] IN ('Audio', 'Video')), CONSTRAINT [CK_VideoCallSessions_VideoProvider] CHECK ([VideoProvider] IN ('Twilio', 'Daily', 'Jitsi', 'Zoom', 'WebRTC')), CONSTRAINT [CK_VideoCallSessions_EndReason] CHECK ([EndReason] IN ('', 'HungUp', 'Timeout', 'Error', 'ProviderEnded')));
GO
-- Create model VideoCallParticipant
CREATE TABLE [VideoCallParticipants] ([Id] bigint NOT NULL PRIMARY KEY IDENTITY (1, 1), [Role] nvarchar(12) NOT NULL, [Status] nvarchar(12) NOT NULL, [InvitedAt] datetimeoffset NULL, [JoinedAt] datetimeoffset NULL, [LeftAt] datetimeoffset NULL, [DurationSeconds] int NULL CONSTRAINT VideoCallParticipants_DurationSeconds_bf937151_check CHECK ([DurationSeconds] >= 0), [UserId] nvarchar(450) NOT NULL, [SessionId] char(32) NOT NULL, CONSTRAINT [UX_CallParticipants_Sess_User] UNIQUE ([SessionId], [UserId]), CONSTRAINT [CK_VideoCallParticipants_Role] CHECK ([Role] IN ('Host', 'Participant')), CONSTRAINT [CK_VideoCallParticipants_Status] CHECK ([Status] IN ('Invited', 'Ringing', 'Connected', 'Disconnected', 'Declined', 'Missed')));
GO
-- Deferred: indexes, unique indexes and foreign keys
CREATE INDEX [IX_VideoCalls_Conv_Created] ON [VideoCallSessions] ([ConversationId], [CreatedAt] DESC);
GO
CREATE INDEX [IX_VideoCalls_Status] ON [VideoCallSessions] ([Status]) WHERE [Status] IN ('Ringing', 'InProgress');
GO
CREATE INDEX [VideoCallParticipants_UserId_91d3282b] ON [VideoCallParticipants] ([UserId]);
GO
CREATE INDEX [VideoCallSessions_InitiatedById_6bf986e2] ON [VideoCallSessions] ([InitiatedById]);
GO
CREATE INDEX [VideoCallSessions_RecordingFileId_bd5e37d6] ON [VideoCallSessions] ([RecordingFileId]);
GO
CREATE UNIQUE INDEX [UX_VideoCalls_Prov_Room] ON [VideoCallSessions] ([VideoProvider], [ExternalRoomId]) WHERE [ExternalRoomId] IS NOT NULL;
GO
ALTER TABLE [VideoCallParticipants] ADD CONSTRAINT [VideoCallParticipants_SessionId_6625f46f_fk_VideoCallSessions_Id] FOREIGN KEY ([SessionId]) REFERENCES [VideoCallSessions] ([Id]);
GO
ALTER TABLE [VideoCallParticipants] ADD CONSTRAINT [VideoCallParticipants_UserId_91d3282b_fk_Users_Id] FOREIGN KEY ([UserId]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [VideoCallSessions] ADD CONSTRAINT [VideoCallSessions_ConversationId_398a07c8_fk_Conversations_Id] FOREIGN KEY ([ConversationId]) REFERENCES [Conversations] ([Id]);
GO
ALTER TABLE [VideoCallSessions] ADD CONSTRAINT [VideoCallSessions_InitiatedById_6bf986e2_fk_Users_Id] FOREIGN KEY ([InitiatedById]) REFERENCES [Users] ([Id]);
GO
ALTER TABLE [VideoCallSessions] ADD CONSTRAINT [VideoCallSessions_RecordingFileId_bd5e37d6_fk_StoredFiles_Id] FOREIGN KEY ([RecordingFileId]) REFERENCES [StoredFiles] ([Id]);
GO
COMMIT TRANSACTION;
GO
